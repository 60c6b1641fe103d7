export const common = {
  "app.name": "WarmDesk",
} as const;
