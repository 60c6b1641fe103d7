// System admins for the admin specs: created in the server's database like the fixtures' users
// (e2e/support/create-users.ts passes `admin` on to createUser).

import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { Language } from "../../lib/i18n/locales.ts";
import { type TestUser, uniq } from "./fixtures.ts";

const run = promisify(execFile);

export async function createAdmin(language: Language = "en", name = "admin"): Promise<TestUser> {
  const username = `${name}.${uniq()}`;
  const user = { email: `${username}@e2e.test`, username, password: "correct horse battery", language, admin: true };
  await run(process.execPath, ["--import", "tsx", "e2e/support/create-users.ts", JSON.stringify([user])], {
    env: { ...process.env, DATA_DIR: process.env.E2E_DATA_DIR },
  });
  return user;
}
