// Inbound webhooks through their real routes on every configured engine: payload shapes as GitHub
// and GitLab document them, signed correctly, wrongly and not at all; replays; the generic HMAC;
// card links, done moves, and who may manage webhooks.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as cardGet } from "../../app/api/v1/projects/[slug]/cards/[key]/route.ts";
import { DELETE as hookDelete, PATCH as hookPatch } from "../../app/api/v1/projects/[slug]/webhooks/[id]/route.ts";
import { GET as hooksGet, POST as hooksPost } from "../../app/api/v1/projects/[slug]/webhooks/route.ts";
import { POST as deliver } from "../../app/api/webhooks/[id]/route.ts";
import { createCard } from "../../lib/boards/cards.ts";
import { createProject, setProjectArchived } from "../../lib/boards/projects.ts";
import { getDb } from "../../lib/db/client.ts";
import { fixedCards, mentionedCards } from "../../lib/webhooks/keys.ts";
import { hmacSignature } from "../../lib/webhooks/verify.ts";
import { call, freshWorld, type Person, person } from "../api/helpers.ts";
import { availableEngines } from "../helpers/db.ts";

const slug = "hooks";
let deliveryCounter = 0;

/** GitHub's push payload (docs: "push" webhook event), trimmed to the fields a real one always has. */
function githubPush(commits: { id: string; message: string }[], ref = "refs/heads/main") {
  return {
    ref,
    before: "0000000000000000000000000000000000000000",
    after: commits.at(-1)?.id ?? "",
    repository: { id: 1, full_name: "octo/app", html_url: "https://github.com/octo/app", default_branch: "main" },
    pusher: { name: "octocat", email: "octocat@example.com" },
    sender: { login: "octocat" },
    compare: "https://github.com/octo/app/compare/a...b",
    commits: commits.map((c) => ({
      id: c.id,
      tree_id: "t",
      distinct: true,
      message: c.message,
      timestamp: "2026-12-01T10:00:00Z",
      url: `https://github.com/octo/app/commit/${c.id}`,
      author: { name: "Octo Cat", email: "octocat@example.com", username: "octocat" },
      committer: { name: "Octo Cat", email: "octocat@example.com", username: "octocat" },
      added: [],
      removed: [],
      modified: ["README.md"],
    })),
    head_commit: null,
  };
}

/** GitHub's pull_request payload (docs: "pull_request" webhook event). */
function githubPr(action: string, state: "open" | "closed", merged: boolean, title: string, body = "") {
  return {
    action,
    number: 7,
    pull_request: {
      url: "https://api.github.com/repos/octo/app/pulls/7",
      html_url: "https://github.com/octo/app/pull/7",
      number: 7,
      state,
      title,
      body,
      merged,
      user: { login: "octocat" },
      head: { ref: "feature/login", sha: "abc" },
      base: { ref: "main", sha: "def" },
    },
    repository: { id: 1, full_name: "octo/app", html_url: "https://github.com/octo/app", default_branch: "main" },
    sender: { login: "octocat" },
  };
}

describe.each(availableEngines())("webhooks on %s", (engine) => {
  let world: Awaited<ReturnType<typeof freshWorld>>;
  let admin: Person;
  let member: Person;
  let outsider: Person;
  let doneColumnId: number;
  /** The newest bot message in the project chat (the webhooks' summaries). */
  const lastBot = () =>
    getDb().chatMessage.findFirst({
      where: { project: { slug }, isBot: true },
      orderBy: { id: "desc" },
      select: { body: true, botName: true },
    });

  const create = (who: Person, body: unknown) => call(hooksPost, { key: who.key, params: { slug }, body });
  const card = async (key: string) => (await call(cardGet, { key: admin.key, params: { slug, key } })).json;
  const post = (id: number, raw: string, headers: Record<string, string>) =>
    call(deliver, { params: { id: String(id) }, rawBody: raw, headers, path: `/api/webhooks/${id}` });
  const githubHeaders = (secret: string, raw: string, event: string, delivery = `d-${++deliveryCounter}`) => ({
    "x-github-event": event,
    "x-github-delivery": delivery,
    "x-hub-signature-256": hmacSignature(secret, raw),
  });
  const linkCount = () => getDb().cardLink.count();

  beforeAll(async () => {
    world = await freshWorld(engine);
    admin = await person("hookadmin");
    member = await person("hookmember");
    outsider = await person("hookoutsider");
    const project = await createProject(admin.actor, { name: "Hooks", key: "HOOK", slug });
    await getDb().projectMember.create({ data: { projectId: project.id, userId: member.id, role: "member" } });
    for (const title of ["login", "logout", "signup", "profile", "other"]) await createCard(admin.actor, slug, { title });
    const columns = await getDb().column.findMany({ where: { projectId: project.id }, orderBy: { position: "asc" } });
    doneColumnId = columns.at(-1)?.id as number;
  });
  afterAll(async () => {
    await world?.close();
  });

  it("lets project admins create webhooks, showing the secret once; members get 403, outsiders 404", async () => {
    const res = await create(admin, { provider: "github", name: "App repo" });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    expect(res.json).toMatchObject({ provider: "github", name: "App repo", isActive: true });
    expect(res.json.url).toMatch(new RegExp(`/api/webhooks/${res.json.id}$`));
    expect(res.json.secret).toMatch(/^whsec_[0-9a-f]{48}$/);
    const stored = await getDb().projectWebhook.findUnique({ where: { id: res.json.id } });
    expect(stored?.secret).not.toContain(res.json.secret);
    const list = await call(hooksGet, { key: admin.key, params: { slug } });
    expect(list.status).toBe(200);
    expect(list.json.webhooks.find((w: { id: number }) => w.id === res.json.id)).not.toHaveProperty("secret");

    const before = await getDb().projectWebhook.count();
    expect((await create(member, { provider: "github" })).status).toBe(403);
    expect((await create(outsider, { provider: "github" })).status).toBe(404);
    expect((await call(hooksGet, { key: member.key, params: { slug } })).status).toBe(403);
    expect((await create(admin, { provider: "svn" })).status).toBe(400);
    expect(await getDb().projectWebhook.count()).toBe(before);

    // An archived project is read-only: its admins still list its webhooks (the settings page does),
    // but cannot add any.
    await setProjectArchived(admin.actor, slug, true);
    try {
      const archived = await call(hooksGet, { key: admin.key, params: { slug } });
      expect(archived.status).toBe(200);
      expect(archived.json.webhooks.some((w: { id: number }) => w.id === res.json.id)).toBe(true);
      expect((await call(hooksGet, { key: member.key, params: { slug } })).status).toBe(403);
      expect((await create(admin, { provider: "github" })).status).toBe(409);
    } finally {
      await setProjectArchived(admin.actor, slug, false);
    }
  });

  it("links a signed GitHub push's commits to the cards they mention, and ignores a replay", async () => {
    const { json: hook } = await create(admin, { provider: "github" });
    const raw = JSON.stringify(
      githubPush([
        { id: "a".repeat(40), message: "HOOK-1: login form\n\nLonger text" },
        { id: "b".repeat(40), message: "Tidy logout (hook-2) and HOOK-1" },
      ]),
    );
    const headers = githubHeaders(hook.secret, raw, "push");
    const res = await post(hook.id, raw, headers);
    expect(res.status, JSON.stringify(res.json)).toBe(202);
    expect(res.json).toMatchObject({ status: "processed", linked: ["HOOK-1", "HOOK-2"], moved: [] });
    const one = await card("HOOK-1");
    expect(one.links.map((l: { ref: string }) => l.ref).sort()).toEqual(["a".repeat(40), "b".repeat(40)]);
    expect(one.links.find((l: { ref: string }) => l.ref === "a".repeat(40))).toMatchObject({
      type: "commit",
      url: `https://github.com/octo/app/commit/${"a".repeat(40)}`,
      title: "HOOK-1: login form",
    });
    expect((await card("HOOK-2")).links).toHaveLength(1);
    await world.flush();
    expect(world.events.some((e) => e.type === "card.updated" && (e.data as { key: string }).key === "HOOK-1")).toBe(true);
    expect(await lastBot()).toMatchObject({ botName: "GitHub" });
    expect((await lastBot())?.body).toContain("octocat pushed 2 commits to main of octo/app (HOOK-1, HOOK-2)");

    const count = await linkCount();
    const messages = await getDb().chatMessage.count();
    const replay = await post(hook.id, raw, headers);
    expect(replay.status).toBe(202);
    expect(replay.json).toEqual({ status: "ignored", reason: "replay" });
    // The delivery id is not signed: a replay under another id, or none, is still the same delivery.
    const otherId = await post(hook.id, raw, { ...headers, "x-github-delivery": "forged-id" });
    expect(otherId.json).toEqual({ status: "ignored", reason: "replay" });
    const { "x-github-delivery": _, ...withoutId } = headers;
    expect((await post(hook.id, raw, withoutId)).json).toEqual({ status: "ignored", reason: "replay" });
    expect(await linkCount()).toBe(count);
    expect(await getDb().chatMessage.count()).toBe(messages);
  });

  it("answers 401 for a wrong or missing signature and changes nothing", async () => {
    const { json: hook } = await create(admin, { provider: "github" });
    const raw = JSON.stringify(githubPush([{ id: "c".repeat(40), message: "HOOK-3 signup" }]));
    const count = await linkCount();
    const deliveries = await getDb().webhookDelivery.count();
    const wrong = await post(hook.id, raw, githubHeaders("not the secret", raw, "push"));
    expect(wrong.status).toBe(401);
    expect(wrong.json.error.code).toBe("unauthorized");
    const { "x-hub-signature-256": _sig, ...unsigned } = githubHeaders(hook.secret, raw, "push");
    expect((await post(hook.id, raw, unsigned)).status).toBe(401);
    // The signature covers the raw bytes: the same JSON with other whitespace is not signed.
    const tampered = await post(hook.id, `${raw} `, githubHeaders(hook.secret, raw, "push"));
    expect(tampered.status).toBe(401);
    expect(await linkCount()).toBe(count);
    expect(await getDb().webhookDelivery.count()).toBe(deliveries);
    expect((await card("HOOK-3")).links).toEqual([]);
  });

  it("answers 400 for malformed JSON, 202 for an unknown event, 404 for an unknown or inactive webhook", async () => {
    const { json: hook } = await create(admin, { provider: "github" });
    const bad = "{ not json";
    const malformed = await post(hook.id, bad, githubHeaders(hook.secret, bad, "push"));
    expect(malformed.status).toBe(400);
    const ping = JSON.stringify({ zen: "Keep it logically awesome.", hook_id: 1 });
    const unknown = await post(hook.id, ping, githubHeaders(hook.secret, ping, "ping"));
    expect(unknown.status).toBe(202);
    expect(unknown.json).toEqual({ status: "ignored", reason: "event" });
    const incomplete = JSON.stringify({ ref: "refs/heads/main" });
    expect((await post(hook.id, incomplete, githubHeaders(hook.secret, incomplete, "push"))).status).toBe(400);
    expect((await post(999999, ping, githubHeaders(hook.secret, ping, "ping"))).status).toBe(404);
    expect((await post(0, ping, {})).status).toBe(404);

    const off = await call(hookPatch, {
      method: "PATCH",
      key: admin.key,
      params: { slug, id: String(hook.id) },
      body: { isActive: false },
    });
    expect(off.status).toBe(200);
    expect(off.json.isActive).toBe(false);
    expect((await post(hook.id, ping, githubHeaders(hook.secret, ping, "ping"))).status).toBe(404);
    expect(
      (
        await call(hookPatch, {
          method: "PATCH",
          key: member.key,
          params: { slug, id: String(hook.id) },
          body: { isActive: true },
        })
      ).status,
    ).toBe(403);
    expect((await call(hookDelete, { method: "DELETE", key: admin.key, params: { slug, id: String(hook.id) } })).status).toBe(
      204,
    );
    expect((await call(hookDelete, { method: "DELETE", key: admin.key, params: { slug, id: String(hook.id) } })).status).toBe(
      404,
    );
  });

  it("moves a card that a pushed commit fixes to the done column, with history", async () => {
    const { json: hook } = await create(admin, { provider: "github" });
    // A fix on a feature branch does not close the card yet.
    const branch = JSON.stringify(githubPush([{ id: "d".repeat(40), message: "fixes HOOK-3" }], "refs/heads/wip"));
    expect((await post(hook.id, branch, githubHeaders(hook.secret, branch, "push"))).json.moved).toEqual([]);
    expect((await card("HOOK-3")).columnId).not.toBe(doneColumnId);
    const raw = JSON.stringify(githubPush([{ id: "e".repeat(40), message: "Signup validation\n\nFixes HOOK-3" }]));
    const res = await post(hook.id, raw, githubHeaders(hook.secret, raw, "push"));
    expect(res.json.moved).toEqual(["HOOK-3"]);
    expect((await card("HOOK-3")).columnId).toBe(doneColumnId);
    const history = await getDb().cardHistory.findMany({ where: { card: { number: 3, project: { slug } } } });
    expect(history.some((h) => h.userId === admin.id)).toBe(true);
  });

  it("keeps a pull request's link state up to date: opened, then merged (which closes the fixed card)", async () => {
    const { json: hook } = await create(admin, { provider: "github" });
    const opened = JSON.stringify(githubPr("opened", "open", false, "HOOK-4: profile page", "Resolves HOOK-4"));
    expect((await post(hook.id, opened, githubHeaders(hook.secret, opened, "pull_request"))).status).toBe(202);
    let links = (await card("HOOK-4")).links;
    expect(links).toEqual([
      expect.objectContaining({ type: "pull_request", ref: "7", state: "opened", url: "https://github.com/octo/app/pull/7" }),
    ]);
    expect((await card("HOOK-4")).columnId).not.toBe(doneColumnId);
    const merged = JSON.stringify(githubPr("closed", "closed", true, "HOOK-4: profile page", "Resolves HOOK-4"));
    const res = await post(hook.id, merged, githubHeaders(hook.secret, merged, "pull_request"));
    expect(res.json.moved).toEqual(["HOOK-4"]);
    links = (await card("HOOK-4")).links;
    expect(links).toHaveLength(1);
    expect(links[0].state).toBe("merged");
    expect((await card("HOOK-4")).columnId).toBe(doneColumnId);
    expect((await lastBot())?.body).toContain(
      "pull request [#7 HOOK-4: profile page](https://github.com/octo/app/pull/7) in octo/app is merged",
    );
  });

  it("accepts GitLab deliveries by their token (push and merge request hooks)", async () => {
    const { json: hook } = await create(admin, { provider: "gitlab" });
    // GitLab's push hook payload (docs: "Push events").
    const raw = JSON.stringify({
      object_kind: "push",
      event_name: "push",
      ref: "refs/heads/main",
      user_name: "Jane",
      project: {
        id: 15,
        path_with_namespace: "jane/app",
        web_url: "https://gitlab.example.com/jane/app",
        default_branch: "main",
      },
      commits: [
        {
          id: "f".repeat(40),
          message: "Closes HOOK-5\n",
          title: "Closes HOOK-5",
          timestamp: "2026-12-01T10:00:00+00:00",
          url: `https://gitlab.example.com/jane/app/-/commit/${"f".repeat(40)}`,
          author: { name: "Jane", email: "jane@example.com" },
        },
      ],
      total_commits_count: 1,
    });
    const headers = {
      "x-gitlab-event": "Push Hook",
      "x-gitlab-event-uuid": `u-${++deliveryCounter}`,
      "x-gitlab-token": hook.secret,
    };
    expect((await post(hook.id, raw, { ...headers, "x-gitlab-token": "wrong" })).status).toBe(401);
    const res = await post(hook.id, raw, headers);
    expect(res.status).toBe(202);
    expect(res.json).toMatchObject({ linked: ["HOOK-5"], moved: ["HOOK-5"] });
    expect((await post(hook.id, raw, headers)).json.reason).toBe("replay");
    // GitLab's merge request hook payload (docs: "Merge request events").
    const mr = JSON.stringify({
      object_kind: "merge_request",
      user: { username: "jane" },
      project: { id: 15, path_with_namespace: "jane/app", web_url: "https://gitlab.example.com/jane/app" },
      object_attributes: {
        iid: 3,
        title: "HOOK-5 follow-up",
        description: "",
        state: "opened",
        action: "open",
        source_branch: "hook-5-follow-up",
        target_branch: "main",
        url: "https://gitlab.example.com/jane/app/-/merge_requests/3",
      },
    });
    const mrRes = await post(hook.id, mr, {
      ...headers,
      "x-gitlab-event": "Merge Request Hook",
      "x-gitlab-event-uuid": `u-${++deliveryCounter}`,
    });
    expect(mrRes.status).toBe(202);
    const links = (await card("HOOK-5")).links;
    expect(links.map((l: { type: string; ref: string; state: string | null }) => `${l.type} ${l.ref} ${l.state}`).sort()).toEqual(
      [`commit ${"f".repeat(40)} null`, "pull_request 3 opened"],
    );
  });

  it("accepts generic deliveries signed with X-WarmDesk-Signature", async () => {
    const { json: hook } = await create(admin, { provider: "generic" });
    const raw = JSON.stringify({
      kind: "push",
      repository: "ci/app",
      branch: "main",
      commits: [{ sha: "1234567", url: "https://ci.example.com/c/1234567", message: "HOOK-1 from CI" }],
    });
    const headers = {
      "x-warmdesk-event": "push",
      "x-warmdesk-delivery": `g-${++deliveryCounter}`,
      "x-warmdesk-signature": hmacSignature(hook.secret, raw),
    };
    expect((await post(hook.id, raw, { ...headers, "x-warmdesk-signature": hmacSignature("other", raw) })).status).toBe(401);
    const res = await post(hook.id, raw, headers);
    expect(res.status).toBe(202);
    expect((await card("HOOK-1")).links.some((l: { ref: string }) => l.ref === "1234567")).toBe(true);
    expect((await post(hook.id, raw, { ...headers, "x-warmdesk-event": "deploy" })).json).toEqual({
      status: "ignored",
      reason: "event",
    });
    expect((await post(hook.id, raw, { ...headers, "x-warmdesk-delivery": "another" })).json.reason).toBe("replay");
  });

  it("binds a generic delivery's signed timestamp: within the window once, never outside it, never stripped", async () => {
    const { json: hook } = await create(admin, { provider: "generic" });
    const raw = JSON.stringify({
      kind: "push",
      repository: "ci/app",
      branch: "feature",
      commits: [{ sha: "7654321", url: "https://ci.example.com/c/7654321", message: "HOOK-2 timestamped" }],
    });
    const signedAt = (seconds: number) => ({
      "x-warmdesk-event": "push",
      "x-warmdesk-timestamp": String(seconds),
      "x-warmdesk-signature": hmacSignature(hook.secret, `${seconds}.${raw}`),
    });
    const now = Math.floor(Date.now() / 1000);
    const links = await linkCount();
    // Signed 10 minutes ago (a captured delivery): refused, though the signature is right.
    const stale = await post(hook.id, raw, signedAt(now - 600));
    expect(stale.status).toBe(401);
    expect(stale.json.error.message).toContain("X-WarmDesk-Timestamp");
    expect((await post(hook.id, raw, signedAt(now + 600))).status).toBe(401);
    // A fresh timestamp with the old signature, or the timestamp left out: the signature fails.
    expect((await post(hook.id, raw, { ...signedAt(now - 600), "x-warmdesk-timestamp": String(now) })).status).toBe(401);
    const { "x-warmdesk-timestamp": _, ...stripped } = signedAt(now);
    expect((await post(hook.id, raw, stripped)).status).toBe(401);
    expect(await linkCount()).toBe(links);

    const fresh = await post(hook.id, raw, signedAt(now - 30));
    expect(fresh.status, JSON.stringify(fresh.json)).toBe(202);
    expect(fresh.json.status).toBe("processed");
    expect((await post(hook.id, raw, signedAt(now - 30))).json.reason).toBe("replay");
    expect(await linkCount()).toBe(links + 1);
  });
});

describe("card keys in text", () => {
  it("finds mentions and closing keywords of the project's key only", () => {
    expect(mentionedCards("PRJ", "PRJ-1 and prj-22, not XPRJ-3 or PRJ-4a… PRJ-1 again")).toEqual([1, 22]);
    expect(fixedCards("PRJ", "Fixes PRJ-1, closes: PRJ-2, resolved PRJ-3, see PRJ-4, fix OTHER-5")).toEqual([1, 2, 3]);
  });
});
