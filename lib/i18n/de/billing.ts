import type { billing as en } from "../en/billing.ts";
import type { Translation } from "../locales.ts";

export const billing: Translation<typeof en, "de"> = {
  "billing.pdf.title": "Stundennachweis",
  "billing.pdf.period": "Zeitraum",
  "billing.pdf.contract": "Vertrag",
  "billing.pdf.allContracts": "Alle Verträge",
  "billing.pdf.currency": "Währung",
  "billing.pdf.export": "Rechnungsexport",
  "billing.pdf.date": "Datum",
  "billing.pdf.person": "Person",
  "billing.pdf.description": "Beschreibung",
  "billing.pdf.hours": "Stunden",
  "billing.pdf.rate": "Satz",
  "billing.pdf.amount": "Betrag",
  "billing.pdf.subtotal": "Zwischensumme",
  "billing.pdf.projectTotal": "Summe {name}",
  "billing.pdf.total": "Gesamt",
  "billing.pdf.noProject": "Ohne Projekt",
  "billing.pdf.noCard": "Ohne Karte",
  "billing.pdf.empty": "Keine abrechenbare Zeit in diesem Zeitraum.",
  "billing.pdf.page": "Seite {page} von {pages}",
  "billing.pdf.rounding":
    "Stunden als h:mm. Jeder Betrag ist Stundensatz × Zeit, kaufmännisch auf die kleinste Einheit der Währung gerundet; Summen addieren diese Beträge.",
  "billing.alert.title": "{contract} ({customer}) hat {threshold} % des Budgets verbraucht",
  "billing.alert.exceeded": "{contract} ({customer}) ist über dem Budget",
  "billing.alert.text": "{used} von {available} verbraucht ({percent} %) im Zeitraum {start} – {end}.",
  "billing.reminder.before": "{key} ist am {date} fällig",
  "billing.reminder.overdue": "{key} ist überfällig (fällig am {date})",
};
