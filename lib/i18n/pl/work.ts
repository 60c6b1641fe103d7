import type { work as en } from "../en/work.ts";
import type { Translation } from "../locales.ts";

export const work: Translation<typeof en, "pl"> = {
  "nav.myWork": "Moja praca",
  "work.title": "Moja praca",
  "work.summary": "Otwarte karty przypisane do ciebie: {total} · po terminie: {overdue}",
  "work.groupBy": "Grupuj według",
  "work.groupBy.due": "Termin",
  "work.groupBy.project": "Projekt",
  "work.bucket.overdue": "Po terminie",
  "work.bucket.today": "Termin dzisiaj",
  "work.bucket.week": "Najbliższe 7 dni",
  "work.bucket.later": "Później",
  "work.bucket.none": "Bez terminu",
  "work.empty": "Nic nie jest do ciebie przypisane. Pojawią się tu karty przypisane do ciebie w dowolnym projekcie.",
  "work.truncated": "Pokazano karty z najbliższym terminem: {shown} z {total}.",
  "work.timer": "Działający stoper",
  "work.timerNone": "Żaden stoper nie działa.",
  "work.timerOpen": "Otwórz rejestrację czasu",
  "work.mentions": "Nieprzeczytane wzmianki",
  "work.mentionsNone": "Brak nieprzeczytanych wzmianek.",
  "work.due": "Termin: {date}",
  "work.column": "W kolumnie {column}",
  "work.cardCount": "Karty: {count}",
};
