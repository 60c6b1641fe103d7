import type { billing as en } from "../en/billing.ts";
import type { Translation } from "../locales.ts";

export const billing: Translation<typeof en, "es"> = {
  "billing.pdf.title": "Parte de horas",
  "billing.pdf.period": "Periodo",
  "billing.pdf.contract": "Contrato",
  "billing.pdf.allContracts": "Todos los contratos",
  "billing.pdf.currency": "Moneda",
  "billing.pdf.export": "Exportación de factura",
  "billing.pdf.date": "Fecha",
  "billing.pdf.person": "Persona",
  "billing.pdf.description": "Descripción",
  "billing.pdf.hours": "Horas",
  "billing.pdf.rate": "Tarifa",
  "billing.pdf.amount": "Importe",
  "billing.pdf.subtotal": "Subtotal",
  "billing.pdf.projectTotal": "Total {name}",
  "billing.pdf.total": "Total",
  "billing.pdf.noProject": "Sin proyecto",
  "billing.pdf.noCard": "Sin tarjeta",
  "billing.pdf.empty": "No hay tiempo facturable en este periodo.",
  "billing.pdf.page": "Página {page} de {pages}",
  "billing.pdf.rounding":
    "Horas en formato h:mm. Cada importe es la tarifa por hora × el tiempo, redondeado a la mitad hacia arriba a la unidad más pequeña de la moneda; los totales son la suma de esos importes.",
  "billing.alert.title": "{contract} ({customer}) ha consumido el {threshold} % de su presupuesto",
  "billing.alert.exceeded": "{contract} ({customer}) ha superado su presupuesto",
  "billing.alert.text": "{used} de {available} consumidos ({percent} %) en el periodo {start} – {end}.",
  "billing.reminder.before": "{key} vence el {date}",
  "billing.reminder.overdue": "{key} está vencida (vencía el {date})",
};
