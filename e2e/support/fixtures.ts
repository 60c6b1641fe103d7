// Each test makes its own users and projects (unique names), signs in through the API, and talks
// to the REST API with the browser context's own cookies.

import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";
import { type APIRequestContext, type Browser, type BrowserContext, expect, type Page } from "@playwright/test";
import type { Language } from "../../lib/i18n/locales.ts";

const run = promisify(execFile);

export type TestUser = { email: string; username: string; password: string };

export const uniq = () => `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;

/** Creates users in the server's database in one process (cheaper than one per user). */
export async function createUsers(count: number, language: Language = "en", names: string[] = []): Promise<TestUser[]> {
  const users = Array.from({ length: count }, (_, i) => {
    const name = `${names[i] ?? "u"}.${uniq()}`;
    return { email: `${name}@e2e.test`, username: name, password: "correct horse battery", language };
  });
  await run(process.execPath, ["--import", "tsx", "e2e/support/create-users.ts", JSON.stringify(users)], {
    env: { ...process.env, DATA_DIR: process.env.E2E_DATA_DIR },
  });
  return users;
}

/** Signs the context in through next-auth's credentials endpoint (not the form). */
export async function signIn(request: APIRequestContext, user: TestUser): Promise<void> {
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  const res = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: user.email, password: user.password, json: "true" },
    maxRedirects: 0,
  });
  expect(res.status(), "sign-in answer").toBeLessThan(400);
  const session = await request.post("/api/realtime/token");
  expect(session.status(), "signed in").toBe(200);
}

/** A browser context signed in as `user`. */
export async function signedInContext(browser: Browser, user: TestUser, options: { colorScheme?: "light" | "dark" } = {}) {
  const context = await browser.newContext({ colorScheme: options.colorScheme });
  await signIn(context.request, user);
  return context;
}

export async function apiJson<T = unknown>(
  request: APIRequestContext,
  method: "GET" | "POST" | "PATCH" | "PUT",
  path: string,
  data?: unknown,
): Promise<T> {
  const res = await request.fetch(path, { method, data });
  if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
  return res.json();
}

export type Board = {
  project: { id: number; slug: string; key: string };
  columns: { id: number; name: string; wipLimit: number; cards: { key: string; title: string; columnId: number }[] }[];
};

export const getBoard = (request: APIRequestContext, slug: string) =>
  apiJson<Board>(request, "GET", `/api/v1/projects/${slug}/board`);

export async function createProject(request: APIRequestContext, name = `Project ${uniq()}`) {
  const key = `P${randomBytes(3).toString("hex").toUpperCase()}`.replace(/[^A-Z0-9]/g, "X");
  return apiJson<{ id: number; slug: string; key: string; name: string }>(request, "POST", "/api/v1/projects", { name, key });
}

export const addMember = (request: APIRequestContext, slug: string, username: string, role = "member") =>
  apiJson(request, "POST", `/api/v1/projects/${slug}/members`, { username, role });

export const createCard = (request: APIRequestContext, slug: string, body: Record<string, unknown>) =>
  apiJson<{ key: string; id: number }>(request, "POST", `/api/v1/projects/${slug}/cards`, body);

/** The board page, with the realtime connection established (so no event can be missed after this). */
/**
 * Opens a board and waits until it is current: live, and the reload that follows every join has
 * answered (the board is aria-busy until then). "Live" alone is not enough: the reload is an HTTP
 * request, and one still running when a test changes things (or cuts the realtime connection)
 * shows changes made after the page was open.
 */
export async function openBoard(page: Page, slug: string) {
  await page.goto(`/${slug}`, { waitUntil: "domcontentloaded" });
  await expect(page.getByTestId("realtime-status")).toHaveAttribute("data-status", "live");
  await expect(page.getByTestId("board")).not.toHaveAttribute("aria-busy", "true");
}

export const column = (page: Page, name: string) => page.locator(`section[data-column-name="${name}"]`);
export const card = (page: Page, key: string) => page.locator(`[data-card-key="${key}"]`);

export async function closeAll(...contexts: BrowserContext[]) {
  await Promise.all(contexts.map((c) => c.close()));
}

/** dnd-kit's live region: what a screen reader hears while something is dragged. */
export const dragAnnouncement = (page: Page) => page.locator('[id^="DndLiveRegion"]');

/**
 * Lifts the focused item with dnd-kit's keyboard sensor (Space) and waits until the drag is really
 * under way: the item is pressed, the drag was announced (dnd-kit announces after the render
 * that measured the drop targets), and one more frame plus a task have passed, so the sensor's
 * keydown listener (attached in a setTimeout after the lift) hears the arrows. Arrows pressed
 * before that are lost on a busy machine, and the drop then lands where the card started.
 */
export async function keyboardLift(page: Page): Promise<void> {
  await page.keyboard.press("Space");
  await expect(page.locator(":focus")).toHaveAttribute("aria-pressed", "true");
  // The pick-up, or at once the first "is over" (a card over its own place).
  await expect(dragAnnouncement(page)).toContainText(/Picked up|is over/);
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0)))),
  );
}

/** Presses an arrow while dragging and waits until dnd-kit announces where the item is now. */
export async function keyboardStep(page: Page, key: "ArrowUp" | "ArrowDown" | "ArrowLeft" | "ArrowRight", now: string) {
  await page.keyboard.press(key);
  await expect(dragAnnouncement(page)).toContainText(now);
}
