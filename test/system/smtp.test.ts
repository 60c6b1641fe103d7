// Real SMTP on loopback: smtp-server receives what the mailer sends (test email, password reset),
// with authentication, so the stored (sealed) SMTP password is exercised end to end.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as confirmReset } from "../../app/api/auth/password-reset/confirm/route.ts";
import { POST as requestReset } from "../../app/api/auth/password-reset/request/route.ts";
import { GET as getSettings, PATCH as patchSettings } from "../../app/api/v1/admin/settings/route.ts";
import { POST as testEmail } from "../../app/api/v1/admin/settings/test-email/route.ts";
import { checkCredentials } from "../../lib/auth/next-auth.ts";
import { requestPasswordReset } from "../../lib/auth/password-reset.ts";
import { actorForSessionToken, createSession } from "../../lib/auth/sessions.ts";
import { sha256 } from "../../lib/auth/tokens.ts";
import { getDb } from "../../lib/db/client.ts";
import { call, freshWorld, fromAddress, type Person, person } from "../api/helpers.ts";

type Received = { from: string; to: string[]; raw: string };

const SMTP_USER = "mailer";
const SMTP_PASSWORD = "s3cret-smtp-Passw0rd!";

/** Decodes quoted-printable soft breaks and escapes, enough to read links and text in a raw message. */
const decodeQp = (raw: string) =>
  raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(Number.parseInt(h, 16)));

function startInbox() {
  const received: Received[] = [];
  const waiters: ((m: Received) => void)[] = [];
  const server = new SMTPServer({
    // Plain SMTP on loopback with AUTH allowed: the mailer's `starttls` mode sends without TLS when
    // the server does not offer it.
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, cb) {
      if (auth.username === SMTP_USER && auth.password === SMTP_PASSWORD) cb(null, { user: auth.username });
      else cb(Object.assign(new Error("Invalid username or password"), { responseCode: 535 }));
    },
    onRcptTo(address, _session, cb) {
      if (address.address.endsWith("@refused.test")) cb(Object.assign(new Error("No such mailbox"), { responseCode: 550 }));
      else cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const message: Received = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: decodeQp(Buffer.concat(chunks).toString("utf8")),
        };
        cb(null);
        const waiter = waiters.shift();
        if (waiter) waiter(message);
        else received.push(message);
      });
    },
  });
  return {
    server,
    async listen(): Promise<number> {
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      return (server.server.address() as AddressInfo).port;
    },
    next(): Promise<Received> {
      const ready = received.shift();
      return ready ? Promise.resolve(ready) : new Promise((resolve) => waiters.push(resolve));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let world: Awaited<ReturnType<typeof freshWorld>>;
let inbox: ReturnType<typeof startInbox>;
let admin: Person;
let port: number;

beforeAll(async () => {
  world = await freshWorld("sqlite");
  inbox = startInbox();
  port = await inbox.listen();
  admin = await person("root", { admin: true });
});
afterAll(async () => {
  await inbox.close();
  await world.close();
});

describe("[SMTP] settings and test email", () => {
  it("refuses a password reset while email is not configured (400, clear message)", async () => {
    const res = await call(requestReset, { body: { email: "nobody@example.test" }, path: "/api/auth/password-reset/request" });
    expect(res.status).toBe(400);
    expect(res.json.error.message).toMatch(/email is not configured/i);
  });

  it("stores the SMTP password sealed and never returns it", async () => {
    const res = await call(patchSettings, {
      method: "PATCH",
      key: admin.key,
      body: {
        smtp_host: "127.0.0.1",
        smtp_port: port,
        smtp_user: SMTP_USER,
        smtp_password: SMTP_PASSWORD,
        smtp_from: "Acme Desk <desk@acme.test>",
        smtp_tls: "starttls",
        instance_name: "Acme Desk",
        accent_color: "#1f6feb",
      },
    });
    expect(res.status).toBe(200);
    expect(res.json.smtp_password_set).toBe(true);
    expect(res.json.smtp_configured).toBe(true);
    expect(JSON.stringify(res.json)).not.toContain(SMTP_PASSWORD);
    const row = await getDb().systemSetting.findUniqueOrThrow({ where: { key: "smtp_password" } });
    expect(row.value).not.toContain(SMTP_PASSWORD);
    expect(row.value).toMatch(/^v1\./);
    const all = await getDb().systemSetting.findMany();
    expect(JSON.stringify(all)).not.toContain(SMTP_PASSWORD);
    const got = await call(getSettings, { key: admin.key });
    expect(got.status).toBe(200);
    expect(got.json).not.toHaveProperty("smtp_password");
    expect(JSON.stringify(got.json)).not.toContain(SMTP_PASSWORD);
    // Neither does the audit log carry it.
    const audits = await getDb().auditLog.findMany({ where: { action: "settings.updated" } });
    expect(JSON.stringify(audits)).not.toContain(SMTP_PASSWORD);
  });

  it("sends the test email with the branding and reports the server's answer", async () => {
    const res = await call(testEmail, { key: admin.key, body: {} });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ ok: true, to: expect.stringMatching(/^root-\d+@example\.test$/) });
    expect(res.json.response).toMatch(/^250 /);
    const mail = await inbox.next();
    expect(mail.to).toEqual([res.json.to]);
    expect(mail.from).toBe("desk@acme.test");
    expect(mail.raw).toMatch(/Subject: Test email from Acme Desk/);
    expect(mail.raw).toContain("#1f6feb");
    expect(mail.raw).toContain("Acme Desk");
  });

  it("reports a refusal (the server's code and text) and a wrong password", async () => {
    const refused = await call(testEmail, { key: admin.key, body: { to: "someone@refused.test" } });
    expect(refused.status).toBe(200);
    expect(refused.json).toMatchObject({ ok: false, responseCode: 550 });
    expect(`${refused.json.response} ${refused.json.message}`).toMatch(/No such mailbox/);

    await call(patchSettings, { method: "PATCH", key: admin.key, body: { smtp_password: "wrong password" } });
    const denied = await call(testEmail, { key: admin.key, body: {} });
    expect(denied.json).toMatchObject({ ok: false, code: "EAUTH", responseCode: 535 });
    expect(JSON.stringify(denied.json)).not.toContain("wrong password");
    await call(patchSettings, { method: "PATCH", key: admin.key, body: { smtp_password: SMTP_PASSWORD } });
  });

  it("answers 404 to non-admins", async () => {
    const user = await person("plain");
    expect((await call(testEmail, { key: user.key, body: {} })).status).toBe(404);
    expect((await call(getSettings, { key: user.key })).status).toBe(404);
  });
});

describe("[SMTP] password reset by email", () => {
  it("emails a single-use link; the token resets the password once and signs out every session", async () => {
    const user = await person("resetme");
    const email = (await getDb().user.findUniqueOrThrow({ where: { id: user.id } })).email;
    await getDb().user.update({ where: { id: user.id }, data: { mustChangePassword: true, language: "de" } });
    const session = await createSession(user.id);
    expect(await actorForSessionToken(session.token)).not.toBeNull();

    const res = await call(requestReset, {
      body: { email: email.toUpperCase() },
      path: "/api/auth/password-reset/request",
      headers: fromAddress("10.1.1.1"),
    });
    expect(res.status).toBe(202);
    const mail = await inbox.next();
    expect(mail.to).toEqual([email]);
    // In the user's language, with the instance name.
    expect(mail.raw).toMatch(/Acme Desk/);
    expect(mail.raw).toMatch(/Hallo resetme/);
    const link = /http:\/\/localhost:3000\/reset-password\?token=([A-Za-z0-9_-]+)/.exec(mail.raw);
    expect(link).not.toBeNull();
    const token = (link as RegExpExecArray)[1];
    const stored = await getDb().passwordResetToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(stored.tokenHash).toBe(sha256(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored.expiresAt.getTime() - Date.now()).toBeGreaterThan(59 * 60_000);
    expect(stored.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(60 * 60_000);

    const newPassword = "a brand new password";
    const ok = await call(confirmReset, { body: { token, password: newPassword } });
    expect(ok.status).toBe(200);
    expect(await actorForSessionToken(session.token)).toBeNull();
    expect((await checkCredentials(email, newPassword))?.id).toBe(user.id);
    const row = await getDb().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.mustChangePassword).toBe(false);

    const again = await call(confirmReset, { body: { token, password: "yet another password" } });
    expect(again.status).toBe(400);
    expect((await checkCredentials(email, newPassword))?.id).toBe(user.id);
    const actions = (await getDb().auditLog.findMany({ where: { userId: user.id }, select: { action: true } })).map(
      (a) => a.action,
    );
    expect(actions).toEqual(expect.arrayContaining(["auth.password_reset_requested", "auth.password_reset"]));
  });

  it("answers the same 202 for an unknown address and sends nothing", async () => {
    let sending: Promise<void> | null = null;
    const known = await call(requestReset, { body: { email: "ghost@example.test" }, path: "/api/auth/password-reset/request" });
    expect(known.status).toBe(202);
    expect(known.json).toEqual({ accepted: true });
    await requestPasswordReset({ email: "ghost2@example.test" }, { origin: "http://x", onSent: (p) => (sending = p) });
    expect(sending).toBeNull();
    expect(await getDb().passwordResetToken.count({ where: { user: { email: "ghost@example.test" } } })).toBe(0);
  });

  it("refuses an expired token and limits requests per address", async () => {
    const user = await person("expiring");
    const email = (await getDb().user.findUniqueOrThrow({ where: { id: user.id } })).email;
    const sent: Promise<void>[] = [];
    await requestPasswordReset({ email }, { origin: "http://localhost:3000", onSent: (p) => sent.push(p) });
    const mail = await inbox.next();
    await Promise.all(sent);
    const token = (/token=([A-Za-z0-9_-]+)/.exec(mail.raw) as RegExpExecArray)[1];
    await getDb().passwordResetToken.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await call(confirmReset, { body: { token, password: "an expired attempt" } })).status).toBe(400);

    // Two more requests fit the per-address limit (3 per window); the fourth is refused.
    for (let i = 0; i < 2; i++) {
      await requestPasswordReset({ email }, { origin: "http://localhost:3000", onSent: (p) => sent.push(p) });
      await inbox.next();
    }
    const limited = await call(requestReset, { body: { email }, path: "/api/auth/password-reset/request" });
    expect(limited.status).toBe(429);
    // The same for an address without an account: the limit does not tell whether it exists.
    for (let i = 0; i < 3; i++) await requestPasswordReset({ email: "nobody-here@example.test" }, { origin: "http://x" });
    expect((await call(requestReset, { body: { email: "nobody-here@example.test" } })).status).toBe(429);
  });
});
