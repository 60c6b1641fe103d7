import type { work as en } from "../en/work.ts";
import type { Translation } from "../locales.ts";

export const work: Translation<typeof en, "fr"> = {
  "nav.myWork": "Mon travail",
  "work.title": "Mon travail",
  "work.summary": "{total} cartes ouvertes qui vous sont assignées · {overdue} en retard",
  "work.groupBy": "Regrouper par",
  "work.groupBy.due": "Échéance",
  "work.groupBy.project": "Projet",
  "work.bucket.overdue": "En retard",
  "work.bucket.today": "Échéance aujourd’hui",
  "work.bucket.week": "7 prochains jours",
  "work.bucket.later": "Plus tard",
  "work.bucket.none": "Sans échéance",
  "work.empty": "Rien ne vous est assigné. Les cartes qui vous sont assignées, dans n’importe quel projet, apparaissent ici.",
  "work.truncated": "Affichage des {shown} cartes à l’échéance la plus proche, sur {total}.",
  "work.timer": "Chrono en cours",
  "work.timerNone": "Aucun chrono en cours.",
  "work.timerOpen": "Ouvrir le suivi du temps",
  "work.mentions": "Mentions non lues",
  "work.mentionsNone": "Aucune mention non lue.",
  "work.due": "Échéance le {date}",
  "work.column": "Dans {column}",
  "work.cardCount": "{count} cartes",
};
