import type { billing as en } from "../en/billing.ts";
import type { Translation } from "../locales.ts";

export const billing: Translation<typeof en, "pl"> = {
  "billing.pdf.title": "Karta czasu pracy",
  "billing.pdf.period": "Okres",
  "billing.pdf.contract": "Umowa",
  "billing.pdf.allContracts": "Wszystkie umowy",
  "billing.pdf.currency": "Waluta",
  "billing.pdf.export": "Eksport do faktury",
  "billing.pdf.date": "Data",
  "billing.pdf.person": "Osoba",
  "billing.pdf.description": "Opis",
  "billing.pdf.hours": "Godziny",
  "billing.pdf.rate": "Stawka",
  "billing.pdf.amount": "Kwota",
  "billing.pdf.subtotal": "Suma częściowa",
  "billing.pdf.projectTotal": "Razem {name}",
  "billing.pdf.total": "Razem",
  "billing.pdf.noProject": "Bez projektu",
  "billing.pdf.noCard": "Bez karty",
  "billing.pdf.empty": "Brak czasu do rozliczenia w tym okresie.",
  "billing.pdf.page": "Strona {page} z {pages}",
  "billing.pdf.rounding":
    "Godziny w formacie h:mm. Każda kwota to stawka godzinowa × czas, zaokrąglona połówkowo w górę do najmniejszej jednostki waluty; sumy to sumy tych kwot.",
  "billing.alert.title": "{contract} ({customer}) wykorzystała {threshold} % budżetu",
  "billing.alert.exceeded": "{contract} ({customer}) przekroczyła budżet",
  "billing.alert.text": "Wykorzystano {used} z {available} ({percent} %) w okresie {start} – {end}.",
  "billing.reminder.before": "Termin {key} mija {date}",
  "billing.reminder.overdue": "{key} jest po terminie (termin: {date})",
};
