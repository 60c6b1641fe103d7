import type { time as en } from "../en/time.ts";

export const time: { [K in keyof typeof en]: string } = {
  "time.none": "(keine)",
  "time.dimension.customer": "Kunde",
  "time.dimension.contract": "Vertrag",
  "time.dimension.project": "Projekt",
  "time.dimension.card": "Karte",
  "time.dimension.user": "Person",
  "time.dimension.day": "Tag",
  "time.dimension.week": "Woche",
  "time.dimension.month": "Monat",
  "time.csv.date": "Datum",
  "time.csv.description": "Beschreibung",
  "time.csv.duration": "Dauer",
  "time.csv.hours": "Stunden",
  "time.csv.minutes": "Minuten",
  "time.csv.entries": "Einträge",
  "time.csv.total": "Summe",
};
