// Requests per API key are limited by the system setting `api_rate_limit_per_minute`: past it,
// 429 with Retry-After and the error JSON; other keys and browser sessions go on.
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as projectsGet } from "../../app/api/v1/projects/route.ts";
import { resetApiRateLimits } from "../../lib/auth/api-rate-limit.ts";
import { nextAuthSecret } from "../../lib/auth/request.ts";
import { createSession } from "../../lib/auth/sessions.ts";
import { resetConfigForTests } from "../../lib/config.ts";
import { closeRedis, getRedis } from "../../lib/db/redis.ts";
import { DEFAULT_SETTINGS, updateSettings } from "../../lib/settings/settings.ts";
import { availableEngines } from "../helpers/db.ts";
import { call, freshWorld, keyFor, type Person, person } from "./helpers.ts";

describe.each(availableEngines())("API key rate limit on %s", (engine) => {
  let world: Awaited<ReturnType<typeof freshWorld>>;
  let root: Person;
  let user: Person;

  beforeAll(async () => {
    world = await freshWorld(engine);
    // Windows are per process: the previous engine's keys had the same ids.
    resetApiRateLimits();
    root = await person("rateroot", { admin: true });
    user = await person("rateuser");
  });
  afterAll(async () => world?.close());

  it("defaults to 600 requests a minute", () => {
    expect(DEFAULT_SETTINGS.api_rate_limit_per_minute).toBe(600);
  });

  it("answers 429 with Retry-After once a key made more requests than the limit", async () => {
    await updateSettings(root.actor, { api_rate_limit_per_minute: 3 });
    for (let i = 0; i < 3; i++) expect((await call(projectsGet, { key: user.key })).status).toBe(200);
    const req = new Request("http://localhost:3000/api/v1/projects", { headers: { authorization: `Bearer ${user.key}` } });
    const res = await projectsGet(req, { params: Promise.resolve({}) });
    expect(res.status).toBe(429);
    const retryAfter = Number(res.headers.get("retry-after"));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const json = await res.json();
    expect(json.error).toMatchObject({ code: "rate_limited", details: { limit: 3, retryAfterSeconds: retryAfter } });

    // Another key of the same user has its own count.
    const other = await keyFor(user.id, null);
    expect((await call(projectsGet, { key: other.key })).status).toBe(200);

    // The browser session is not limited.
    const { token } = await createSession(user.id);
    const jwt = await encode({ token: { sid: token }, secret: nextAuthSecret() });
    for (let i = 0; i < 5; i++) {
      expect((await call(projectsGet, { headers: { cookie: `next-auth.session-token=${jwt}` } })).status).toBe(200);
    }

    // A higher limit, read per request, lets the key go on at once.
    await updateSettings(root.actor, { api_rate_limit_per_minute: 600 });
    expect((await call(projectsGet, { key: user.key })).status).toBe(200);
  });
});

const redisUrl = process.env.TEST_REDIS_URL;
describe.skipIf(!redisUrl)("API key rate limit counted in Redis", () => {
  let world: Awaited<ReturnType<typeof freshWorld>>;
  let root: Person;
  let user: Person;

  beforeAll(async () => {
    world = await freshWorld("sqlite");
    process.env.REDIS_URL = redisUrl;
    process.env.REDIS_PREFIX = `warmdesk-test-${Date.now()}`;
    resetConfigForTests();
    root = await person("redisroot", { admin: true });
    user = await person("redisuser");
  });
  afterAll(async () => {
    await closeRedis();
    delete process.env.REDIS_URL;
    delete process.env.REDIS_PREFIX;
    resetConfigForTests();
    await world?.close();
  });

  it("shares the count between processes: a process that forgot its own still refuses", async () => {
    await updateSettings(root.actor, { api_rate_limit_per_minute: 2 });
    for (let i = 0; i < 2; i++) expect((await call(projectsGet, { key: user.key })).status).toBe(200);
    expect((await call(projectsGet, { key: user.key })).status).toBe(429);
    // What another web process would see: no window in its memory, the count in Redis.
    resetApiRateLimits();
    const res = await call(projectsGet, { key: user.key });
    expect(res.status).toBe(429);
    const redis = await getRedis();
    expect(Number(await redis?.get(`${process.env.REDIS_PREFIX}:api-rate:${user.actor.apiKeyId}`))).toBeGreaterThanOrEqual(4);
    const ttl = Number(await redis?.pTTL(`${process.env.REDIS_PREFIX}:api-rate:${user.actor.apiKeyId}`));
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });
});
