export const system = {
  "system.title": "System",
};
