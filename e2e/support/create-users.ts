// Creates users directly in the server's database (DATA_DIR), as an operator's script would.
// Run: node --import tsx e2e/support/create-users.ts '<json array of users>'
import type { Language } from "../../lib/i18n/locales.ts";
import { createUser } from "../../lib/users/users.ts";

const users = JSON.parse(process.argv[2] ?? "[]") as {
  email: string;
  username: string;
  password: string;
  language?: Language;
}[];
for (const u of users) await createUser(u);
process.exit(0);
