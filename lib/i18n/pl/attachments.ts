import type { attachments as en } from "../en/attachments.ts";
import type { Translation } from "../locales.ts";

export const attachments: Translation<typeof en, "pl"> = {
  "attachments.title": "Załączniki",
  "attachments.none": "Brak załączników.",
  "attachments.add": "Dodaj pliki",
  "attachments.dropHint": "Upuść pliki tutaj, wklej obraz lub",
  "attachments.dropActive": "Upuść, aby przesłać",
  "attachments.uploading": "Przesyłanie {name}",
  "attachments.failed": "{name}: {message}",
  "attachments.download": "Pobierz {name}",
  "attachments.delete": "Usuń {name}",
  "attachments.confirmDelete": "Usunąć ten załącznik?",
  "attachments.pasted": "wklejony obraz",
  "attachments.by": "{size} · {user}",
};
