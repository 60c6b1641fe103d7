// [POLISH]: what a new team tripped over in its first hour (issue 21), one test per defect. Each of
// these failed before its fix.

import { createAdmin } from "./support/admin.ts";
import {
  addMember,
  apiJson,
  closeAll,
  createCard,
  createProject,
  createUsers,
  signedInContext,
  uniq,
} from "./support/fixtures.ts";
import { expect, test } from "./support/test.ts";

test("[POLISH 1]: Enter before the scripts ran never puts the password in the URL", async ({ browser }) => {
  // No JavaScript at all: what a press of Enter does before hydration.
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  const urls: string[] = [];
  page.on("request", (r) => urls.push(r.url()));
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("someone@e2e.test");
  await page.getByLabel("Password", { exact: true }).fill("secret-in-url");
  await page.getByLabel("Password", { exact: true }).press("Enter");
  await page.waitForLoadState("load");
  expect(urls.filter((u) => u.includes("secret-in-url"))).toEqual([]);
  expect(page.url()).not.toContain("secret-in-url");
  // Every auth form that carries a secret posts (never a GET with the fields in the query).
  for (const path of ["/sign-in", "/forgot-password", "/reset-password?token=x"]) {
    await page.goto(path);
    for (const form of await page.locator("form").all()) await expect(form).toHaveAttribute("method", /post/i);
  }
  await ctx.close();
});

test("[POLISH 2]: adding a column never changes which column counts as done", async ({ browser }) => {
  const [alice] = await createUsers(1);
  const ctx = await signedInContext(browser, alice);
  const project = await apiJson<{ slug: string }>(ctx.request, "POST", "/api/v1/projects", {
    name: `Done ${uniq()}`,
    key: `D${uniq().slice(-4).toUpperCase()}`.replace(/[^A-Z0-9]/g, "X"),
    type: "scrum",
  });
  type Done = { columnIds: number[]; isChosen: boolean; columns: { id: number; name: string; isDone: boolean }[] };
  const before = await apiJson<Done>(ctx.request, "GET", `/api/v1/projects/${project.slug}/done-columns`);
  const doneId = before.columns.find((c) => c.name === "Done")?.id;
  expect(before.isChosen).toBe(true);
  expect(before.columnIds).toEqual([doneId]);
  await apiJson(ctx.request, "POST", `/api/v1/projects/${project.slug}/columns`, { name: "Shipped" });
  const after = await apiJson<Done>(ctx.request, "GET", `/api/v1/projects/${project.slug}/done-columns`);
  expect(after.columnIds).toEqual([doneId]);
  const page = await ctx.newPage();
  await page.goto(`/${project.slug}/settings`);
  const section = page.getByTestId("done-columns");
  await expect(section.getByLabel("Done", { exact: true })).toBeChecked();
  await expect(section.getByLabel("Shipped")).not.toBeChecked();
  await expect(page.getByText(/last column counts as done/)).toHaveCount(0);

  // A kanban project has no sprints: the setting is not shown there.
  const kanban = await createProject(ctx.request);
  await page.goto(`/${kanban.slug}/settings`);
  await expect(page.getByRole("heading", { name: "General" })).toBeVisible();
  await expect(page.getByTestId("done-columns")).toHaveCount(0);
  await ctx.close();
});

test("[POLISH 3]: a project's customer is picked from a searchable list", async ({ browser }) => {
  const admin = await createAdmin();
  const ctx = await signedInContext(browser, admin);
  const name = `Picker Customer ${uniq()}`;
  const customer = await apiJson<{ slug: string }>(ctx.request, "POST", "/api/v1/customers", { name });
  const project = await createProject(ctx.request);
  const page = await ctx.newPage();
  await page.goto(`/${project.slug}/settings`);
  const picker = page.getByRole("combobox", { name: "Customer" });
  await picker.click();
  await picker.pressSequentially(name.slice(0, 12));
  await page.getByRole("option", { name }).click();
  await page.getByRole("button", { name: "Save" }).first().click();
  await expect
    .poll(
      async () =>
        (await apiJson<{ customer: { slug: string } | null }>(ctx.request, "GET", `/api/v1/projects/${project.slug}`)).customer
          ?.slug,
    )
    .toBe(customer.slug);
  await ctx.close();
});

test("[POLISH 4]: 'New conversation' opens the form (never closes the open one); the group name is clear", async ({
  browser,
}) => {
  const [alice] = await createUsers(1);
  const ctx = await signedInContext(browser, alice);
  const page = await ctx.newPage();
  await page.goto("/chat");
  await expect(page.getByTestId("conversation-search")).toBeVisible();
  await page.getByRole("button", { name: "New conversation" }).click();
  await expect(page.getByTestId("conversation-search")).toBeVisible();
  await expect(page.getByTestId("conversation-search")).toBeFocused();
  await expect(page.getByText(/needed for a group of two/)).toHaveCount(0);
  await ctx.close();
});

test("[POLISH 5]: reading a DM reads its notification too (one unread count, not two)", async ({ browser }) => {
  const [alice, bob] = await createUsers(2, "en", ["alice", "bob"]);
  const a = await signedInContext(browser, alice);
  const b = await signedInContext(browser, bob);
  const project = await createProject(a.request);
  await addMember(a.request, project.slug, bob.username);
  const [bobUser] = await apiJson<{ id: number }[]>(
    a.request,
    "GET",
    `/api/v1/conversations/users?q=${encodeURIComponent(bob.username)}`,
  );
  const dm = await apiJson<{ id: number }>(a.request, "POST", "/api/v1/conversations", { userIds: [bobUser.id] });
  await apiJson(a.request, "POST", `/api/v1/conversations/${dm.id}/messages`, { body: "Read me" });
  const unread = async () => (await apiJson<{ unread: number }>(b.request, "GET", "/api/v1/notifications")).unread;
  expect(await unread()).toBe(1);
  const page = await b.newPage();
  await page.goto(`/chat/${dm.id}`);
  await expect(page.getByTestId("chat-message").getByText("Read me")).toBeVisible();
  await expect.poll(unread).toBe(0);
  await expect(page.getByTestId("notification-count")).toHaveCount(0);
  await closeAll(a, b);
});

test("[POLISH 6]: the scrum reports page does not scroll sideways at 1440 px", async ({ browser }) => {
  const [alice] = await createUsers(1);
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await (await import("./support/fixtures.ts")).signIn(ctx.request, alice);
  const project = await apiJson<{ slug: string }>(ctx.request, "POST", "/api/v1/projects", {
    name: `Reports ${uniq()}`,
    key: `R${uniq().slice(-4).toUpperCase()}`.replace(/[^A-Z0-9]/g, "X"),
    type: "scrum",
  });
  const page = await ctx.newPage();
  for (const path of [`/${project.slug}/reports`, `/${project.slug}/backlog`]) {
    await page.goto(path);
    await expect(page.locator("main")).toBeVisible();
    const { scroll, client } = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(scroll, path).toBeLessThanOrEqual(client);
  }
  await ctx.close();
});

test("[POLISH 8, 9]: plurals, translated card types and default columns; IPv4-mapped addresses as IPv4", async ({ browser }) => {
  const admin = await createAdmin("de");
  const ctx = await signedInContext(browser, admin);
  const page = await ctx.newPage();
  // A German user's new project gets German columns, and card types read German.
  const project = await createProject(ctx.request);
  const board = await apiJson<{ columns: { id: number; name: string }[] }>(
    ctx.request,
    "GET",
    `/api/v1/projects/${project.slug}/board`,
  );
  expect(board.columns.map((c) => c.name)).toEqual(["Zu erledigen", "In Arbeit", "Erledigt"]);
  const { key } = await createCard(ctx.request, project.slug, {
    title: "Eine Karte",
    columnId: board.columns[0].id,
    type: "bug",
  });
  await page.goto(`/${project.slug}/cards/${key}`);
  await expect(page.locator("#card-type option:checked")).toHaveText("Fehler");
  await expect(page.locator("#card-type option", { hasText: /^(task|bug|feature|story|chore)$/ })).toHaveCount(0);
  // The audit log shows the address of the sign-in above as IPv4, whole.
  await page.goto("/admin/audit");
  await expect(page.locator("td", { hasText: /^127\.0\.0\.1$/ }).first()).toBeVisible();
  await expect(page.locator("td", { hasText: "::ffff:" })).toHaveCount(0);
  await ctx.close();

  // "1 card", not "1 cards" (Intl.PluralRules).
  const [en] = await createUsers(1);
  const enCtx = await signedInContext(browser, en);
  const enProject = await createProject(enCtx.request);
  const enBoard = await apiJson<{ columns: { id: number }[] }>(enCtx.request, "GET", `/api/v1/projects/${enProject.slug}/board`);
  await createCard(enCtx.request, enProject.slug, { title: "Only one", columnId: enBoard.columns[0].id });
  const enPage = await enCtx.newPage();
  await enPage.goto(`/${enProject.slug}`);
  await expect(enPage.locator('section[data-column-name="To do"] [title="1 card"]')).toBeVisible();
  await expect(enPage.locator('[title="1 cards"]')).toHaveCount(0);
  await enCtx.close();
});
