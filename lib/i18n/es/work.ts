import type { work as en } from "../en/work.ts";
import type { Translation } from "../locales.ts";

export const work: Translation<typeof en, "es"> = {
  "nav.myWork": "Mi trabajo",
  "work.title": "Mi trabajo",
  "work.summary":
    "{total, plural, one {# tarjeta abierta asignada a ti} many {# de tarjetas abiertas asignadas a ti} other {# tarjetas abiertas asignadas a ti}} · {overdue, plural, one {# vencida} other {# vencidas}}",
  "work.groupBy": "Agrupar por",
  "work.groupBy.due": "Fecha de vencimiento",
  "work.groupBy.project": "Proyecto",
  "work.bucket.overdue": "Vencidas",
  "work.bucket.today": "Vencen hoy",
  "work.bucket.week": "Próximos 7 días",
  "work.bucket.later": "Más adelante",
  "work.bucket.none": "Sin fecha de vencimiento",
  "work.empty": "No tienes nada asignado. Aquí aparecen las tarjetas que te asignen en cualquier proyecto.",
  "work.truncated": "Se muestran las {shown} tarjetas que vencen antes, de un total de {total}.",
  "work.timer": "Cronómetro en marcha",
  "work.timerNone": "No hay ningún cronómetro en marcha.",
  "work.timerOpen": "Abrir el registro de tiempo",
  "work.mentions": "Menciones sin leer",
  "work.mentionsNone": "No hay menciones sin leer.",
  "work.due": "Vence el {date}",
  "work.column": "En {column}",
  "work.cardCount": "{count, plural, one {# tarjeta} many {# de tarjetas} other {# tarjetas}}",
};
