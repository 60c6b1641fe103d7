export const en = {
  "app.name": "WarmDesk",
} as const;
