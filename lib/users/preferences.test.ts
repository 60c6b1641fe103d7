import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDatabase, useFreshDatabase } from "../../test/helpers/db.ts";
import type { Actor } from "../auth/actor.ts";
import { AppError } from "../errors.ts";
import { getInstanceName } from "../settings/instance-name.ts";
import { getPreferences, updatePreferences } from "./preferences.ts";
import { createUser } from "./users.ts";

let t: TestDatabase;
let ada: Actor;

beforeAll(async () => {
  t = await useFreshDatabase("sqlite");
  const user = await createUser({ email: "ada@example.com", username: "ada", password: "correct horse battery" });
  ada = { userId: user.id, username: "ada", isAdmin: false, sessionId: 1, apiKeyProjectId: null, language: "en" };
});
afterAll(() => t.drop());

describe("[USERS] preferences", () => {
  it("starts with English and the system theme", async () => {
    expect(await getPreferences(ada.userId)).toEqual({ language: "en", theme: "system" });
  });

  it("saves language and theme separately, for the acting user", async () => {
    await updatePreferences(ada, { theme: "dark" });
    await updatePreferences(ada, { language: "de" });
    expect(await getPreferences(ada.userId)).toEqual({ language: "de", theme: "dark" });
  });

  it("refuses unknown values, empty input and extra fields with a validation error", async () => {
    for (const input of [{ theme: "sepia" }, { language: "sv" }, {}, { theme: "light", role: "admin" }]) {
      await expect(updatePreferences(ada, input as never)).rejects.toMatchObject({ code: "validation" });
    }
    expect(await getPreferences(ada.userId)).toEqual({ language: "de", theme: "dark" });
  });

  it("refuses API-key actors: preferences belong to a person's browser", async () => {
    const script: Actor = { ...ada, sessionId: null };
    await expect(updatePreferences(script, { theme: "light" })).rejects.toBeInstanceOf(AppError);
  });
});

describe("[SETTINGS] instance name", () => {
  it("is WarmDesk until the instance_name setting says otherwise", async () => {
    expect(await getInstanceName()).toBe("WarmDesk");
    await t.db.systemSetting.create({ data: { key: "instance_name", value: "  Acme Desk " } });
    expect(await getInstanceName()).toBe("Acme Desk");
  });
});
