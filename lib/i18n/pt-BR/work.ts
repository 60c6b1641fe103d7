import type { work as en } from "../en/work.ts";
import type { Translation } from "../locales.ts";

export const work: Translation<typeof en, "pt-BR"> = {
  "nav.myWork": "Meu trabalho",
  "work.title": "Meu trabalho",
  "work.summary": "{total} cartões abertos atribuídos a você · {overdue} atrasados",
  "work.groupBy": "Agrupar por",
  "work.groupBy.due": "Data de vencimento",
  "work.groupBy.project": "Projeto",
  "work.bucket.overdue": "Atrasados",
  "work.bucket.today": "Vencem hoje",
  "work.bucket.week": "Próximos 7 dias",
  "work.bucket.later": "Mais tarde",
  "work.bucket.none": "Sem data de vencimento",
  "work.empty": "Nada está atribuído a você. Os cartões atribuídos a você em qualquer projeto aparecem aqui.",
  "work.truncated": "Mostrando {shown} de {total} cartões: os que vencem primeiro.",
  "work.timer": "Cronômetro em andamento",
  "work.timerNone": "Nenhum cronômetro em andamento.",
  "work.timerOpen": "Abrir o controle de horas",
  "work.mentions": "Menções não lidas",
  "work.mentionsNone": "Nenhuma menção não lida.",
  "work.due": "Vence em {date}",
  "work.column": "Em {column}",
  "work.cardCount": "{count} cartões",
};
