import type { attachments as en } from "../en/attachments.ts";
import type { Translation } from "../locales.ts";

export const attachments: Translation<typeof en, "pt-BR"> = {
  "attachments.title": "Anexos",
  "attachments.none": "Ainda não há anexos.",
  "attachments.add": "Adicionar arquivos",
  "attachments.dropHint": "Solte arquivos aqui, cole uma imagem ou",
  "attachments.dropActive": "Solte para enviar",
  "attachments.uploading": "Enviando {name}",
  "attachments.failed": "{name}: {message}",
  "attachments.download": "Baixar {name}",
  "attachments.delete": "Excluir {name}",
  "attachments.confirmDelete": "Excluir este anexo?",
  "attachments.pasted": "imagem colada",
  "attachments.by": "{size} · {user}",
};
