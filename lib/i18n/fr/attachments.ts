import type { attachments as en } from "../en/attachments.ts";
import type { Translation } from "../locales.ts";

export const attachments: Translation<typeof en, "fr"> = {
  "attachments.title": "Pièces jointes",
  "attachments.none": "Aucune pièce jointe pour l’instant.",
  "attachments.add": "Ajouter des fichiers",
  "attachments.dropHint": "Déposez des fichiers ici, collez une image, ou",
  "attachments.dropActive": "Déposez pour téléverser",
  "attachments.uploading": "Téléversement de {name}",
  "attachments.failed": "{name} : {message}",
  "attachments.download": "Télécharger {name}",
  "attachments.delete": "Supprimer {name}",
  "attachments.confirmDelete": "Supprimer cette pièce jointe ?",
  "attachments.pasted": "image collée",
  "attachments.by": "{size} · {user}",
};
