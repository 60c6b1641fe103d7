// [SECURITY] Cross-site request forgery: a mutation carried by the browser's cookie from another
// site is refused (Sec-Fetch-Site, else Origin), and a cookie-authenticated body must declare its
// type (JSON routes then require JSON). Requests with an API key carry no ambient credential and
// are unaffected. Nothing changes in the database on a refusal.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as signUpPost } from "../../app/api/auth/sign-up/route.ts";
import { POST as attachPost } from "../../app/api/v1/projects/[slug]/cards/[key]/attachments/route.ts";
import { POST as cardsPost } from "../../app/api/v1/projects/[slug]/cards/route.ts";
import { POST as projectsPost } from "../../app/api/v1/projects/route.ts";
import { createCard } from "../../lib/boards/cards.ts";
import { createProject } from "../../lib/boards/projects.ts";
import { browserSession, call, freshWorld, type Person, person, rowCounts } from "../api/helpers.ts";

let world: Awaited<ReturnType<typeof freshWorld>>;
let ann: Person;
let cookie: string;
let slug: string;
let cardKey: string;

beforeAll(async () => {
  world = await freshWorld("sqlite");
  ann = await person("ann");
  cookie = (await browserSession(ann.id)).headers.cookie;
  const project = await createProject(ann.actor, { name: "Alpha", key: "ALP" });
  slug = project.slug;
  cardKey = (await createCard(ann.actor, slug, { title: "One" })).key;
});
afterAll(async () => world?.close());

const newProject = { name: "Forged", key: "FRG" };

describe("[SECURITY] CSRF", () => {
  it("refuses the reported forgery: cookie, Origin evil.example, Sec-Fetch-Site cross-site, no content type", async () => {
    const before = await rowCounts();
    const bytes = new TextEncoder().encode(JSON.stringify(newProject));
    const res = await projectsPost(
      new Request("http://localhost:3000/api/v1/projects", {
        method: "POST",
        headers: {
          cookie,
          origin: "https://evil.example",
          "sec-fetch-site": "cross-site",
          "content-length": String(bytes.length),
        },
        body: bytes,
      }),
      { params: Promise.resolve({}) },
    );
    expect(res.status).toBe(403);
    expect(await rowCounts()).toEqual(before);
  });

  it("decides by Sec-Fetch-Site when the browser sends it, else by Origin", async () => {
    const before = await rowCounts();
    const refused: Record<string, string>[] = [
      { "sec-fetch-site": "cross-site" },
      { "sec-fetch-site": "same-site", origin: "https://other.localhost:3000" },
      { origin: "https://evil.example" },
      { origin: "null" },
      { origin: "http://localhost:3000.evil.example" },
    ];
    for (const headers of refused) {
      const res = await call(cardsPost, { headers: { cookie, ...headers }, body: { title: "Forged" }, params: { slug } });
      expect({ headers, status: res.status }).toEqual({ headers, status: 403 });
    }
    expect(await rowCounts()).toEqual(before);
    const allowed: Record<string, string>[] = [
      { "sec-fetch-site": "same-origin", origin: "http://localhost:3000" },
      { origin: "http://localhost:3000", host: "localhost:3000" },
      {},
    ];
    for (const headers of allowed) {
      const res = await call(cardsPost, { headers: { cookie, ...headers }, body: { title: "Mine" }, params: { slug } });
      expect({ headers, status: res.status }).toEqual({ headers, status: 201 });
    }
  });

  it("requires a cookie-authenticated body to say what it is; JSON routes then require JSON", async () => {
    const before = await rowCounts();
    const headers = { cookie, "sec-fetch-site": "same-origin" };
    // Bytes with a length and no type, as they arrive on the wire (a string body would get text/plain).
    const bytes = new TextEncoder().encode(JSON.stringify(newProject));
    const untyped = await projectsPost(
      new Request("http://localhost:3000/api/v1/projects", {
        method: "POST",
        headers: { ...headers, "content-length": String(bytes.length) },
        body: bytes,
      }),
      { params: Promise.resolve({}) },
    );
    expect(untyped.headers.get("content-type")).toMatch(/json/);
    expect(untyped.status).toBe(415);
    const text = await call(projectsPost, { headers, rawBody: JSON.stringify(newProject), contentType: "text/plain" });
    expect(text.status).toBe(415);
    const form = await call(projectsPost, {
      headers,
      rawBody: "name=Forged&key=FRG",
      contentType: "application/x-www-form-urlencoded",
    });
    expect(form.status).toBe(415);
    expect(await rowCounts()).toEqual(before);
  });

  it("refuses a cross-site multipart upload on the cookie", async () => {
    const form = new FormData();
    form.append("file", new Blob(["hello"], { type: "text/plain" }), "a.txt");
    const req = new Request(`http://localhost:3000/api/v1/projects/${slug}/cards/${cardKey}/attachments`, {
      method: "POST",
      headers: { cookie, origin: "https://evil.example", "sec-fetch-site": "cross-site" },
      body: form,
    });
    const res = await attachPost(req, { params: Promise.resolve({ slug, key: cardKey }) });
    expect(res.status).toBe(403);
    expect(await world.database.db.attachment.count()).toBe(0);
  });

  it("leaves API keys alone: a script may send anything it likes about origins", async () => {
    const res = await call(projectsPost, {
      key: ann.key,
      headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
      body: newProject,
    });
    expect(res.status).toBe(201);
  });

  it("refuses cross-site posts to the public forms too (sign-up)", async () => {
    const users = await world.database.db.user.count();
    const res = await call(signUpPost, {
      headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
      body: { email: "eve@example.test", username: "eve", password: "a long enough password" },
    });
    expect(res.status).toBe(403);
    expect(await world.database.db.user.count()).toBe(users);
  });
});
