export const profile = {
  "profile.title": "Profile",
};
