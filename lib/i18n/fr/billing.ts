import type { billing as en } from "../en/billing.ts";
import type { Translation } from "../locales.ts";

export const billing: Translation<typeof en, "fr"> = {
  "billing.pdf.title": "Feuille de temps",
  "billing.pdf.period": "Période",
  "billing.pdf.contract": "Contrat",
  "billing.pdf.allContracts": "Tous les contrats",
  "billing.pdf.currency": "Devise",
  "billing.pdf.export": "Export de facturation",
  "billing.pdf.date": "Date",
  "billing.pdf.person": "Personne",
  "billing.pdf.description": "Description",
  "billing.pdf.hours": "Heures",
  "billing.pdf.rate": "Taux",
  "billing.pdf.amount": "Montant",
  "billing.pdf.subtotal": "Sous-total",
  "billing.pdf.projectTotal": "Total {name}",
  "billing.pdf.total": "Total",
  "billing.pdf.noProject": "Sans projet",
  "billing.pdf.noCard": "Sans carte",
  "billing.pdf.empty": "Aucun temps facturable sur cette période.",
  "billing.pdf.page": "Page {page} sur {pages}",
  "billing.pdf.rounding":
    "Heures au format h:mm. Chaque montant correspond au taux horaire × le temps, arrondi au plus proche (la moitié vers le haut) à la plus petite unité de la devise ; les totaux sont les sommes de ces montants.",
  "billing.alert.title": "{contract} ({customer}) a consommé {threshold} % de son budget",
  "billing.alert.exceeded": "{contract} ({customer}) a dépassé son budget",
  "billing.alert.text": "{used} sur {available} consommés ({percent} %) sur la période du {start} au {end}.",
  "billing.reminder.before": "{key} arrive à échéance le {date}",
  "billing.reminder.overdue": "{key} est en retard (échéance le {date})",
};
