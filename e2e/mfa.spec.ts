// Two-factor authentication in the browser: turn it on from the profile (reading the setup key the
// page shows, computing codes with the independent RFC 6238 in test/helpers/rfc6238.ts), sign out,
// sign in with password then code, and once more with a recovery code.

import { base32Decode, totpAt as totp } from "../test/helpers/rfc6238.ts";
import { createUsers, signIn, type TestUser } from "./support/fixtures.ts";
import { expect, type Page, test } from "./support/test.ts";

async function signInWithPassword(page: Page, user: TestUser) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function signOut(page: Page, user: TestUser) {
  await page.getByRole("button", { name: `Account menu for ${user.username}` }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  // Signed out once the session is gone (the menu's own client-side navigation may still be under way).
  await expect.poll(async () => (await page.request.get("/api/v1/me")).status()).toBe(401);
}

test("[MFA] enable two-factor authentication from the profile, then sign in with a code and with a recovery code", async ({
  page,
}) => {
  // Three sign-ins and a few first page loads: generous against a busy development server.
  const [user] = await createUsers(1, "en", ["mfa"]);

  await signIn(page.request, user);

  await page.goto("/profile");
  const section = page.getByTestId("mfa-section");
  await expect(section.getByTestId("mfa-status")).toHaveText("Off");
  await section.getByRole("button", { name: "Turn on" }).click();
  await expect(section.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  const secret = ((await section.getByTestId("mfa-secret").textContent()) ?? "").replace(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  const key = base32Decode(secret);

  // A wrong code is refused; the right one turns MFA on and shows ten recovery codes once.
  const codeField = section.getByLabel("Code from the app");
  await expect(codeField).toBeFocused();
  const now = Date.now() / 1000;
  const wrong = totp(key, now - 300);
  await codeField.fill(wrong === totp(key, now) ? "000000" : wrong);
  await section.getByRole("button", { name: "Turn on" }).click();
  await expect(section.getByText("That code is not right.", { exact: false })).toBeVisible();
  await codeField.fill(totp(key, Date.now() / 1000));
  await section.getByRole("button", { name: "Turn on" }).click();
  const codesList = section.getByRole("list", { name: "Recovery codes" });
  await expect(codesList.getByRole("listitem")).toHaveCount(10);
  const recoveryCodes = (await codesList.getByRole("listitem").allTextContents()).map((c) => c.trim());
  await section.getByRole("button", { name: "I have saved them" }).click();
  await expect(section.getByTestId("mfa-status")).toHaveText("On");
  await expect(section.getByText("10 of 10 recovery codes left.")).toBeVisible();

  // Sign out; signing in now asks for a code after the password.
  await signOut(page, user);
  await signInWithPassword(page, user);
  const code = page.getByLabel("Authentication code");
  await expect(code).toBeFocused({ timeout: 20_000 });
  await expect(code).toHaveAttribute("autocomplete", "one-time-code");
  await expect(code).toHaveAttribute("inputmode", "numeric");
  await code.fill("000000" === totp(key, Date.now() / 1000) ? "111111" : "000000");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByText("That code is not right. Try the current code.")).toBeVisible();
  // The next step's code (accepted within ±1 step) cannot be the one that turned MFA on.
  await code.fill(totp(key, Date.now() / 1000 + 30));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/, { timeout: 20_000 });
  await page.goto("/profile");
  await expect(page.getByTestId("mfa-status")).toHaveText("On");

  // A recovery code works once instead of a code.
  await signOut(page, user);
  await signInWithPassword(page, user);
  await page.getByRole("button", { name: "Use a recovery code" }).click();
  await page.getByLabel("Recovery code").fill(recoveryCodes[0]);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/, { timeout: 20_000 });
  await page.goto("/profile");
  await expect(page.getByText("9 of 10 recovery codes left.")).toBeVisible();
});
