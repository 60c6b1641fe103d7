import type { attachments as en } from "../en/attachments.ts";
import type { Translation } from "../locales.ts";

export const attachments: Translation<typeof en, "de"> = {
  "attachments.title": "Anhänge",
  "attachments.none": "Noch keine Anhänge.",
  "attachments.add": "Dateien hinzufügen",
  "attachments.dropHint": "Dateien hierher ziehen, ein Bild einfügen oder",
  "attachments.dropActive": "Zum Hochladen loslassen",
  "attachments.uploading": "{name} wird hochgeladen",
  "attachments.failed": "{name}: {message}",
  "attachments.download": "{name} herunterladen",
  "attachments.delete": "{name} löschen",
  "attachments.confirmDelete": "Diesen Anhang löschen?",
  "attachments.pasted": "eingefügtes Bild",
  "attachments.by": "{size} · {user}",
};
