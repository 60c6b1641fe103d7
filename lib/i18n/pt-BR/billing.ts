import type { billing as en } from "../en/billing.ts";
import type { Translation } from "../locales.ts";

export const billing: Translation<typeof en, "pt-BR"> = {
  "billing.pdf.title": "Folha de horas",
  "billing.pdf.period": "Período",
  "billing.pdf.contract": "Contrato",
  "billing.pdf.allContracts": "Todos os contratos",
  "billing.pdf.currency": "Moeda",
  "billing.pdf.export": "Exportação de fatura",
  "billing.pdf.date": "Data",
  "billing.pdf.person": "Pessoa",
  "billing.pdf.description": "Descrição",
  "billing.pdf.hours": "Horas",
  "billing.pdf.rate": "Valor/hora",
  "billing.pdf.amount": "Valor",
  "billing.pdf.subtotal": "Subtotal",
  "billing.pdf.projectTotal": "Total {name}",
  "billing.pdf.total": "Total",
  "billing.pdf.noProject": "Sem projeto",
  "billing.pdf.noCard": "Sem cartão",
  "billing.pdf.empty": "Nenhuma hora faturável neste período.",
  "billing.pdf.page": "Página {page} de {pages}",
  "billing.pdf.rounding":
    "Horas no formato h:mm. Cada valor é o valor por hora × o tempo, arredondado (metade para cima) para a menor unidade da moeda; os totais são as somas desses valores.",
  "billing.alert.title": "{contract} ({customer}) usou {threshold} % do orçamento",
  "billing.alert.exceeded": "{contract} ({customer}) estourou o orçamento",
  "billing.alert.text": "{used} de {available} usados ({percent} %) no período {start} – {end}.",
  "billing.reminder.before": "{key} vence em {date}",
  "billing.reminder.overdue": "{key} está atrasado (venceu em {date})",
};
