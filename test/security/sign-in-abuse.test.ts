// [SECURITY] Sign-in abuse: concurrent guessing never gets more attempts evaluated than the lockout
// threshold (on every engine), and a client's own forwarding headers change nothing: the lock, the
// audit log and the session all use the address of the TCP connection, unless the connection comes
// from a configured proxy. Requests travel over real loopback TCP through the same stamping the web
// server (server/web.ts) does, into the real sign-in.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../lib/auth/actor.ts";
import { ipKey } from "../../lib/auth/lockout.ts";
import { attemptSignIn, authorizeCredentials } from "../../lib/auth/next-auth.ts";
import { getConfig, resetConfigForTests } from "../../lib/config.ts";
import { getDb } from "../../lib/db/client.ts";
import { CLIENT_ADDRESS_HEADER, compileTrust, markBehindWebServer, stampClientAddress } from "../../lib/http/client-address.ts";
import { setRevokeSink } from "../../lib/realtime/publish.ts";
import { updateSettings } from "../../lib/settings/settings.ts";
import { createUser } from "../../lib/users/users.ts";
import { fromAddress } from "../api/helpers.ts";
import { availableEngines, type TestDatabase, useFreshDatabase } from "../helpers/db.ts";

const password = "correct horse battery";
const THRESHOLD = 5;

let n = 0;
const newEmail = () => `guess${++n}-${Date.now()}@example.com`;

async function withAdmin(fn: (admin: Actor) => Promise<unknown>) {
  const root = await createUser({ email: newEmail(), username: `root${n}`, password, admin: true });
  await fn({ userId: root.id, username: root.username, isAdmin: true, sessionId: null, apiKeyProjectId: null, language: "en" });
}

describe.each(availableEngines())("[SECURITY] concurrent guessing on %s", { timeout: 300_000 }, (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await useFreshDatabase(engine);
    setRevokeSink(async () => {});
    await withAdmin((admin) => updateSettings(admin, { lockout_threshold: THRESHOLD, lockout_minutes: 15 }));
  });
  afterAll(async () => {
    setRevokeSink(null);
    await getDb().$disconnect();
    await t.drop();
  });

  it(`evaluates at most ${THRESHOLD} of 24 concurrent attempts, the right password among them`, async () => {
    const email = newEmail();
    await createUser({ email, username: `target${n}`, password });
    const attempts = Array.from({ length: 24 }, (_, i) => ({ email, password: i === 23 ? password : `wrong password ${i}` }));
    const results = await Promise.all(
      attempts.map((a, i) => attemptSignIn(a, { ip: `198.51.100.${i + 1}`, userAgent: "vitest" }, { delay: false })),
    );
    const audit = await t.db.auditLog.findMany({
      where: { action: { in: ["auth.sign_in", "auth.sign_in_failed"] }, details: { contains: email } },
      select: { action: true, details: true },
    });
    const evaluated = audit.filter((a) => a.action === "auth.sign_in" || !a.details?.includes('"locked"'));
    expect(evaluated.length).toBeGreaterThan(0);
    expect(evaluated.length).toBeLessThanOrEqual(THRESHOLD);
    expect(results.filter((r) => r.ok || r.reason !== "locked")).toHaveLength(evaluated.length);
    expect(audit).toHaveLength(24);
  });
});

describe("[SECURITY] spoofed forwarding headers", { timeout: 300_000 }, () => {
  let t: TestDatabase;
  let server: Server;
  let url: string;
  let trust: ReturnType<typeof compileTrust>;

  beforeAll(async () => {
    t = await useFreshDatabase("sqlite");
    setRevokeSink(async () => {});
    await withAdmin((admin) => updateSettings(admin, { lockout_threshold: 3, lockout_minutes: 15 }));
    markBehindWebServer();
    // What server/web.ts does before Next, then next-auth's authorize with the request's headers.
    server = createServer((req, res) => {
      stampClientAddress(req, trust);
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", async () => {
        const credentials = JSON.parse(Buffer.concat(chunks).toString("utf8"));
        let outcome: string;
        try {
          outcome = (await authorizeCredentials(credentials, req.headers, { delay: false })) ? "ok" : "invalid";
        } catch (e) {
          outcome = (e as Error).message;
        }
        res.end(JSON.stringify({ outcome, seen: req.headers[CLIENT_ADDRESS_HEADER] }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    delete process.env.TRUSTED_PROXIES;
    resetConfigForTests();
    setRevokeSink(null);
    await new Promise((resolve) => server.close(resolve));
    await getDb().$disconnect();
    await t.drop();
  });

  const trustProxies = (proxies: string | undefined) => {
    if (proxies === undefined) delete process.env.TRUSTED_PROXIES;
    else process.env.TRUSTED_PROXIES = proxies;
    resetConfigForTests();
    trust = compileTrust(getConfig().trustedProxies);
  };
  const signIn = async (body: unknown, headers: Record<string, string>) => {
    const res = await fetch(url, { method: "POST", headers, body: JSON.stringify(body) });
    return (await res.json()) as { outcome: string; seen: string };
  };

  it("without trusted proxies, locks the connection's address whatever X-Forwarded-For says", async () => {
    trustProxies(undefined);
    const emails = [newEmail(), newEmail()];
    for (const email of emails) await createUser({ email, username: email.split("@")[0], password });
    // 3 × 4 failures from one connection, each with another forwarded address and a forged internal header.
    const seen = new Set<string>();
    for (let i = 0; i < 12; i++) {
      const r = await signIn(
        { email: `nobody${i}@example.com`, password: "wrong password" },
        { "x-forwarded-for": `203.0.113.${i + 1}`, "x-real-ip": `203.0.113.${i + 1}`, [CLIENT_ADDRESS_HEADER]: `192.0.2.${i}` },
      );
      seen.add(r.seen);
    }
    expect([...seen]).toEqual(["127.0.0.1"]);
    const lock = await t.db.loginThrottle.findUniqueOrThrow({ where: { key: ipKey("127.0.0.1") } });
    expect(lock.lockedUntil?.getTime()).toBeGreaterThan(Date.now());
    // Locked out, whatever address the next request claims, with the right password too.
    const r = await signIn({ email: emails[0], password }, { "x-forwarded-for": "198.51.100.200" });
    expect(r.outcome).toBe("LOCKED");
    const ips = await t.db.auditLog.findMany({
      where: { action: { startsWith: "auth." } },
      select: { ip: true },
      distinct: ["ip"],
    });
    expect(ips.map((a) => a.ip)).toEqual(["127.0.0.1"]);
    expect(await t.db.loginThrottle.count({ where: { key: { startsWith: "ip:203." } } })).toBe(0);
  });

  it("believes X-Forwarded-For only as far as trusted proxies wrote it; the session keeps that address", async () => {
    trustProxies("127.0.0.1/8");
    const email = newEmail();
    const user = await createUser({ email, username: email.split("@")[0], password });
    // The client prepended a fake entry; the trusted proxy (this loopback connection) appended the real one.
    const r = await signIn({ email, password }, { "x-forwarded-for": "10.9.9.9, 203.0.113.50" });
    expect(r).toEqual({ outcome: "ok", seen: "203.0.113.50" });
    const session = await t.db.session.findFirstOrThrow({ where: { userId: user.id } });
    expect(session.ip).toBe("203.0.113.50");
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { action: "auth.sign_in", userId: user.id } });
    expect(audit.ip).toBe("203.0.113.50");

    // A proxy that is not trusted is the client.
    trustProxies("10.0.0.0/8");
    expect((await signIn({ email, password }, { "x-forwarded-for": "203.0.113.51" })).seen).toBe("127.0.0.1");
  });

  it("gives the deprecated TRUST_PROXY_HOPS a safe meaning: that many proxies, on private addresses only", () => {
    process.env.TRUST_PROXY_HOPS = "1";
    delete process.env.TRUSTED_PROXIES;
    resetConfigForTests();
    try {
      const config = getConfig();
      expect(config.warnings.join(" ")).toMatch(/TRUST_PROXY_HOPS is deprecated/);
      const hops = compileTrust(config.trustedProxies);
      expect(hops("127.0.0.1", 0)).toBe(true);
      expect(hops("10.1.2.3", 0)).toBe(true);
      expect(hops("10.1.2.3", 1)).toBe(false);
      expect(hops("203.0.113.7", 0)).toBe(false);
    } finally {
      delete process.env.TRUST_PROXY_HOPS;
      resetConfigForTests();
    }
    expect(compileTrust(getConfig().trustedProxies)("127.0.0.1", 0)).toBe(false);
  });

  it("ignores the internal address header unless the web server set it", async () => {
    const headers = fromAddress("192.0.2.77");
    const { requestMeta } = await import("../../lib/audit/audit.ts");
    expect(requestMeta(new Headers(headers)).ip).toBe("192.0.2.77");
    expect(requestMeta(new Headers({ "x-forwarded-for": "192.0.2.78" })).ip).toBeNull();
  });
});
