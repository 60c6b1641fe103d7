import type { attachments as en } from "../en/attachments.ts";
import type { Translation } from "../locales.ts";

export const attachments: Translation<typeof en, "es"> = {
  "attachments.title": "Adjuntos",
  "attachments.none": "Todavía no hay adjuntos.",
  "attachments.add": "Añadir archivos",
  "attachments.dropHint": "Suelta archivos aquí, pega una imagen o",
  "attachments.dropActive": "Suelta para subir",
  "attachments.uploading": "Subiendo {name}",
  "attachments.failed": "{name}: {message}",
  "attachments.download": "Descargar {name}",
  "attachments.delete": "Eliminar {name}",
  "attachments.confirmDelete": "¿Eliminar este adjunto?",
  "attachments.pasted": "imagen pegada",
  "attachments.by": "{size} · {user}",
};
