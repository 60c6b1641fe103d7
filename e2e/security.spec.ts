// Input handling against the production server: the Content-Security-Policy of every main page
// (nonce on every script, no violation: the guard in support/test.ts fails any test that sees one),
// hostile markdown that renders at once in the browser, request bodies capped while they stream,
// malformed %-escapes in /api paths, and admin pages for an admin's project-scoped API key.
import { request as httpRequest } from "node:http";
import { createAdmin } from "./support/admin.ts";
import { apiJson, createCard, createProject, signedInContext, uniq } from "./support/fixtures.ts";
import { expect, test } from "./support/test.ts";

const BASE = new URL(process.env.E2E_BASE_URL ?? "http://localhost:3100");

/** A chunked POST of `total` bytes (no Content-Length); stops writing once the answer arrives. */
function postChunked(path: string, total: number): Promise<{ status: number; body: string; sent: number }> {
  return new Promise((resolve, reject) => {
    const chunk = Buffer.alloc(64 * 1024, "a");
    let sent = 0;
    let answered = false;
    const req = httpRequest(
      {
        host: BASE.hostname,
        port: BASE.port,
        path,
        method: "POST",
        headers: { "content-type": "application/json", "transfer-encoding": "chunked" },
      },
      (res) => {
        answered = true;
        let body = "";
        res.on("data", (d) => {
          body += d;
        });
        res.on("end", () => {
          resolve({ status: res.statusCode ?? 0, body, sent });
          req.destroy();
        });
      },
    );
    req.on("error", (e) => {
      if (!answered) reject(e);
    });
    const pump = () => {
      while (!answered && sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) {
          req.once("drain", pump);
          return;
        }
      }
      if (!answered) req.end();
    };
    pump();
  });
}

test("[SECURITY]: every main page has a nonce CSP, its scripts carry the nonce, and nothing is refused", async ({ browser }) => {
  test.setTimeout(240_000);
  const admin = await createAdmin();
  const ctx = await signedInContext(browser, admin);
  const project = await createProject(ctx.request);
  const card = await createCard(ctx.request, project.slug, {
    title: "Hostile markdown",
    description: `**bold** ${"[".repeat(99_990)}`,
  });
  await apiJson(ctx.request, "POST", `/api/v1/projects/${project.slug}/messages`, { body: `See ${card.key} and **this**` });
  const topic = await apiJson<{ id: number }>(ctx.request, "POST", `/api/v1/projects/${project.slug}/topics`, {
    title: "Plan",
    body: "A *topic* body",
  });
  const customer = await apiJson<{ slug: string }>(ctx.request, "POST", "/api/v1/customers", { name: `Customer ${uniq()}` });
  const page = await ctx.newPage();
  const paths = [
    "/",
    `/${project.slug}`,
    `/${project.slug}/cards/${card.key}`,
    `/${project.slug}/chat`,
    `/${project.slug}/topics`,
    `/${project.slug}/topics/${topic.id}`,
    `/${project.slug}/settings`,
    "/chat",
    "/customers",
    `/customers/${customer.slug}`,
    "/time",
    "/time/reports",
    "/profile",
    "/api-docs",
    "/admin/users",
    "/admin/groups",
    "/admin/settings",
    "/admin/audit",
  ];
  for (const path of paths) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(200);
    const csp = res?.headers()["content-security-policy"] ?? "";
    const nonce = /script-src [^;]*'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce, `${path}: ${csp}`).toBeTruthy();
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    // Every script the server rendered carries this response's nonce (the ones Next's runtime adds
    // later are allowed through 'strict-dynamic', and a violation would fail the test).
    const html = (await res?.text()) ?? "";
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => /\bnonce="([^"]*)"/.exec(m[0])?.[1]);
    expect(scripts.length, path).toBeGreaterThan(0);
    expect(
      scripts.every((n) => n === nonce),
      `${path}: every script carries the nonce`,
    ).toBe(true);
    await page.waitForLoadState("networkidle");
  }
  // The hostile description rendered (its bold part is markup, the brackets text) and the page answers.
  await page.goto(`/${project.slug}/cards/${card.key}`);
  await expect(page.locator("strong", { hasText: "bold" }).first()).toBeVisible();
  // A nonce is fresh for every response.
  const first = (await ctx.request.get("/")).headers()["content-security-policy"];
  const second = (await ctx.request.get("/")).headers()["content-security-policy"];
  expect(first).not.toBe(second);
  await ctx.close();

  // Signed out: the sign-in page too.
  const visitor = await browser.newContext();
  const signIn = await visitor.newPage();
  const res = await signIn.goto("/sign-in");
  expect(res?.headers()["content-security-policy"]).toContain("'strict-dynamic'");
  await expect(signIn.getByRole("button").first()).toBeVisible();
  await visitor.close();
});

// Pages take no API key at all (lib/auth/current.ts): a key is for the API. An administrator's key,
// limited to a project or not, is sent to the sign-in page and never sees an admin page.
test("[SECURITY]: admin pages never open for an administrator's API key, scoped or not", async ({ browser, playwright }) => {
  const admin = await createAdmin();
  const ctx = await signedInContext(browser, admin);
  const project = await createProject(ctx.request);
  const { key } = await apiJson<{ key: string }>(ctx.request, "POST", "/api/v1/me/api-keys", {
    name: "scoped",
    projectSlug: project.slug,
  });
  const { key: full } = await apiJson<{ key: string }>(ctx.request, "POST", "/api/v1/me/api-keys", { name: "full" });
  await ctx.close();
  const script = await playwright.request.newContext({ baseURL: BASE.origin });
  for (const path of ["/admin", "/admin/users", "/admin/groups", "/admin/settings", "/admin/audit", "/admin/webhooks"]) {
    for (const k of [key, full]) {
      const answer = await script.get(path, { headers: { authorization: `Bearer ${k}` }, maxRedirects: 0 });
      expect(answer.status(), path).toBe(307);
      expect(new URL(answer.headers().location ?? "", BASE.origin).pathname, path).toBe("/sign-in");
    }
  }
  await script.dispose();
});

test("[SECURITY]: chunked 50 MB bodies answer 413 and malformed %-escapes answer a JSON 400", async ({ playwright }) => {
  test.setTimeout(120_000);
  for (const path of ["/api/auth/sign-up", "/api/auth/callback/credentials", "/api/webhooks/1"]) {
    const answer = await postChunked(path, 50 * 1024 * 1024);
    // A webhook that does not exist is refused before its body is read.
    expect(answer.status, `${path}: ${answer.body}`).toBe(path.startsWith("/api/webhooks/") ? 404 : 413);
    expect(answer.sent).toBeLessThan(50 * 1024 * 1024);
  }
  const api = await playwright.request.newContext({ baseURL: BASE.origin });
  for (const path of ["/api/v1/projects/%ZZ/board", "/api/v1/projects/a%E0%A4%A/cards", "/api/v1/customers/%ED%A0%80"]) {
    for (const method of ["GET", "POST", "DELETE"]) {
      const res = await api.fetch(path, { method, data: method === "POST" ? {} : undefined });
      expect(res.status(), `${method} ${path}`).toBe(400);
      expect((await res.json()).error.code).toBe("validation");
    }
  }
  expect((await api.get("/api/health")).status()).toBe(200);
  await api.dispose();
});

test("[SECURITY]: every documented operation answers hostile paths and bodies over HTTP with a JSON 4xx", async ({
  playwright,
  browser,
}) => {
  test.setTimeout(300_000);
  const admin = await createAdmin();
  const ctx = await signedInContext(browser, admin);
  const { key } = await apiJson<{ key: string }>(ctx.request, "POST", "/api/v1/me/api-keys", { name: "fuzz" });
  await ctx.close();
  const api = await playwright.request.newContext({
    baseURL: BASE.origin,
    extraHTTPHeaders: { authorization: `Bearer ${key}` },
  });
  const doc = await (await api.get("/api/v1/openapi.json")).json();
  const failures: string[] = [];
  const check = async (label: string, res: { status(): number; headers(): Record<string, string>; text(): Promise<string> }) => {
    const status = res.status();
    const isJson = (res.headers()["content-type"] ?? "").includes("application/json");
    if (status >= 500 || (status >= 400 && status !== 431 && status !== 414 && !isJson)) {
      failures.push(`${label} → ${status} ${(await res.text()).slice(0, 120)}`);
    }
  };
  let sent = 0;
  for (const [template, operations] of Object.entries<Record<string, unknown>>(doc.paths)) {
    if (!template.includes("{")) continue;
    for (const method of Object.keys(operations)) {
      for (const hostile of ["%ZZ", "%E0%A4%A", "%ED%A0%80", "%00", "x".repeat(4000)]) {
        const path = template.replace(/\{\w+\}/g, hostile);
        const res = await api.fetch(path, { method: method.toUpperCase(), headers: { "content-type": "text/plain" }, data: "x" });
        sent++;
        await check(`${method.toUpperCase()} ${template} with ${hostile.slice(0, 12)}`, res);
      }
    }
  }
  expect(sent).toBeGreaterThan(300);
  await check("a 20,000-character URL", await api.get(`/api/v1/projects/${"a".repeat(20_000)}/board`));
  await check(
    "invalid UTF-8 JSON",
    await api.fetch("/api/v1/projects", {
      method: "POST",
      headers: { "content-type": "application/json" },
      data: Buffer.from([0x7b, 0xff, 0x7d]),
    }),
  );
  expect(failures).toEqual([]);
  expect((await api.get("/api/health")).status()).toBe(200);
  await api.dispose();
});
