export const admin = {
  "admin.title": "Admin",
};
