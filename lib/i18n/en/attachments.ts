export const attachments = {
  "attachments.title": "Attachments",
  "attachments.none": "No attachments yet.",
  "attachments.add": "Add files",
  "attachments.dropHint": "Drop files here, paste an image, or",
  "attachments.dropActive": "Drop to upload",
  "attachments.uploading": "Uploading {name}",
  "attachments.failed": "{name}: {message}",
  "attachments.download": "Download {name}",
  "attachments.delete": "Delete {name}",
  "attachments.confirmDelete": "Delete this attachment?",
  "attachments.pasted": "pasted image",
  "attachments.by": "{size} · {user}",
} as const;
