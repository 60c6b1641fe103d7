// Company sign-in in the browser, through a real OpenID provider (oidc-provider on loopback) and a real
// slapd: the first sign-in creates the account, groups map to access, a group removed at the provider
// removes access at the next sign-in, sign-out ends the provider's session too, and "SSO only" hides
// the password form (the break-glass administrator still signs in at /sign-in?local=1).
//
// These settings apply to the whole instance, so this spec runs in its own project after the others
// (playwright.config.ts). Ports: E2E_PORT + 11/12 (provider), + 13 (slapd).
import { type Browser, expect, type Page, test } from "@playwright/test";
import { startTestProvider, type TestProvider } from "../test/helpers/oidc-provider.ts";
import { BASE_DN, hasSlapd, SERVICE_DN, SERVICE_PASSWORD, startSlapd, type TestDirectory } from "../test/helpers/slapd.ts";
import { createAdmin } from "./support/admin.ts";
import { apiJson, signedInContext, type TestUser, uniq } from "./support/fixtures.ts";

test.describe.configure({ mode: "serial", timeout: 180_000 });

const BASE = process.env.E2E_BASE_URL as string;
const PORT = Number(new URL(BASE).port);
let idp: TestProvider;
let directory: TestDirectory | null = null;
let admin: TestUser;
let slug: string;
let groupId: number;

async function patchSso(browser: Browser, body: unknown) {
  const ctx = await signedInContext(browser, admin);
  const res = await ctx.request.fetch("/api/v1/admin/sso", { method: "PATCH", data: body });
  const json = await res.json();
  await ctx.close();
  if (!res.ok()) throw new Error(`PATCH /api/v1/admin/sso: ${res.status()} ${JSON.stringify(json)}`);
  return json;
}

/** Through the SSO button and the provider's own login page, back into WarmDesk. */
async function signInWithSso(page: Page, login: string) {
  await page.goto("/sign-in");
  await page.getByTestId("sso-button").click();
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any password");
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => url.origin === new URL(BASE).origin && !url.pathname.startsWith("/sign-in"));
}

test.beforeAll(async ({ browser }) => {
  idp = await startTestProvider({
    port: PORT + 11,
    redirectUris: [`${BASE}/api/auth/sso/oidc/callback`],
    postLogoutRedirectUris: [`${BASE}/sign-in`],
  });
  admin = await createAdmin("en", "ssoadmin");
  const ctx = await signedInContext(browser, admin);
  slug = `apollo-${uniq()}`;
  await apiJson(ctx.request, "POST", "/api/v1/projects", { name: "Apollo", key: "APO", slug });
  groupId = (await apiJson<{ id: number }>(ctx.request, "POST", "/api/v1/admin/groups", { name: `Engineering ${uniq()}` })).id;
  await apiJson(ctx.request, "PUT", `/api/v1/admin/groups/${groupId}/projects/${slug}`, { role: "member" });
  await ctx.close();
  await patchSso(browser, {
    oidc: {
      enabled: true,
      issuer: idp.issuer,
      clientId: idp.clientId,
      clientSecret: idp.clientSecret,
      scopes: "openid email profile groups",
      groupMappings: [{ external: "engineering", groupId }],
    },
  });
  if (hasSlapd()) {
    directory = await startSlapd(PORT + 13);
    await patchSso(browser, {
      ldap: {
        enabled: true,
        url: directory.url,
        bindDn: SERVICE_DN,
        bindPassword: SERVICE_PASSWORD,
        baseDn: BASE_DN,
        groupMappings: [{ external: "devs", groupId }],
      },
    });
  }
});

test.afterAll(async ({ browser }) => {
  if (admin)
    await patchSso(browser, { policy: { passwordSignIn: true }, oidc: { enabled: false }, ldap: { enabled: false } }).catch(
      () => {},
    );
  await idp?.close();
  await directory?.stop();
});

test("[SSO]: the first sign-in creates the account, groups give access, a removed group takes it away", async ({ browser }) => {
  const login = `oidc-${uniq()}`;
  idp.accounts.set(login, {
    email: `${login}@corp.example`,
    email_verified: true,
    name: "Olive Idle",
    preferred_username: login,
    groups: ["engineering"],
  });
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInWithSso(page, login);
  const me = await (await context.request.get("/api/v1/me")).json();
  expect(me).toMatchObject({ username: login, email: `${login}@corp.example` });
  expect((await context.request.get(`/api/v1/projects/${slug}`)).status()).toBe(200);
  await page.goto(`/${slug}`);
  await expect(page.getByRole("heading", { name: "Apollo" }).first()).toBeVisible();

  // Sign out: WarmDesk's session ends, and the provider's (its logout page, then back to sign-in).
  idp.accounts.set(login, { ...idp.accounts.get(login), groups: [] });
  await page.getByRole("button", { name: new RegExp(login) }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await page.waitForURL((url) => url.origin === idp.issuer);
  await page.locator('button[name="logout"][value="yes"]').click();
  await page.waitForURL(`${BASE}/sign-in`);
  expect((await context.request.get("/api/v1/me")).status()).toBe(401);

  // The provider asks for the login again (its session ended); the group is gone: so is the access.
  await signInWithSso(page, login);
  expect((await context.request.get(`/api/v1/projects/${slug}`)).status()).toBe(404);
  await context.close();
});

test("[SSO]: SSO only hides the password form; the break-glass administrator signs in at /sign-in?local=1", async ({
  browser,
}) => {
  await patchSso(browser, { ldap: { enabled: false }, policy: { passwordSignIn: false, breakGlassUsername: admin.username } });
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/sign-in");
  await expect(page.getByTestId("sso-button")).toBeVisible();
  await expect(page.locator('input[type="password"]')).toHaveCount(0);

  await page.goto("/sign-in?local=1");
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL(`${BASE}/`);
  expect((await (await context.request.get("/api/v1/me")).json()).username).toBe(admin.username);
  await context.close();
  if (directory) await patchSso(browser, { policy: { passwordSignIn: true }, ldap: { enabled: true } });
  else await patchSso(browser, { policy: { passwordSignIn: true } });
});

test("[SSO]: a directory user signs in with the password form", async ({ browser }) => {
  test.skip(!directory, "slapd is not installed");
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email or username").fill("ada");
  await page.getByLabel("Password").fill("ada-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL(`${BASE}/`);
  expect((await (await context.request.get("/api/v1/me")).json()).email).toBe("ada@example.org");
  expect((await context.request.get(`/api/v1/projects/${slug}`)).status()).toBe(200);
  await context.close();
});

// Screenshots for design review (tmp/shots/sso-*.png), only with E2E_SHOTS=1.
test("[SHOTS]: sign-in settings, the SSO button, SSO only, the LDAP test result", async ({ browser }) => {
  test.skip(!process.env.E2E_SHOTS, "screenshots only with E2E_SHOTS=1");
  test.setTimeout(900_000);
  for (const language of ["en", "de"] as const) {
    const who = await createAdmin(language, "ssoshots");
    for (const colorScheme of ["light", "dark"] as const) {
      for (const width of [1440, 375]) {
        const name = `${language}-${colorScheme}-${width}`;
        const viewport = { width, height: width > 500 ? 900 : 800 };
        const anon = await browser.newContext({
          colorScheme,
          viewport,
          locale: language,
          extraHTTPHeaders: { "accept-language": language },
        });
        const page = await anon.newPage();
        await page.goto("/sign-in");
        await page.screenshot({ path: `tmp/shots/sso-sign-in-${name}.png`, fullPage: true });
        await page.goto("/sign-in?sso_error=group_not_allowed");
        await page.screenshot({ path: `tmp/shots/sso-sign-in-error-${name}.png`, fullPage: true });
        await anon.close();

        const ctx = await signedInContext(browser, who, { colorScheme });
        await ctx.setDefaultTimeout(20_000);
        const admin = await ctx.newPage();
        await admin.setViewportSize(viewport);
        await admin.goto("/admin/settings#settings-sso-oidc");
        await admin.locator("#settings-sso-oidc").screenshot({ path: `tmp/shots/sso-settings-oidc-${name}.png` });
        if (directory) {
          await admin.locator('input[name="ldap-test-username"]').fill("ada");
          await admin.locator('input[name="ldap-test-username"]').press("Enter");
          await expect(admin.getByTestId("ldap-test-user")).toBeVisible();
          await admin.locator("#settings-sso-ldap").screenshot({ path: `tmp/shots/sso-settings-ldap-${name}.png` });
        }
        await admin.locator("#settings-sso-policy").screenshot({ path: `tmp/shots/sso-settings-policy-${name}.png` });
        await ctx.close();
      }
    }
  }
  // SSO only: the sign-in page with the button alone.
  await patchSso(browser, { ldap: { enabled: false }, policy: { passwordSignIn: false, breakGlassUsername: admin.username } });
  for (const colorScheme of ["light", "dark"] as const) {
    for (const width of [1440, 375]) {
      for (const language of ["en", "de"] as const) {
        const anon = await browser.newContext({
          colorScheme,
          viewport: { width, height: 800 },
          extraHTTPHeaders: { "accept-language": language },
        });
        const page = await anon.newPage();
        await page.goto("/sign-in");
        await page.screenshot({ path: `tmp/shots/sso-only-${language}-${colorScheme}-${width}.png`, fullPage: true });
        await anon.close();
      }
    }
  }
  await patchSso(browser, { policy: { passwordSignIn: true } });
});
