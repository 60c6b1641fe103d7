// Topics and the global search in the browser: a member starts a topic from the board's Topics
// link and replies; the project admin locks it; the member's reply from the page they still have
// open is refused by the server (the message is shown) and, reloaded, the page shows the locked
// banner without a composer. `/` opens the global search (outside the board, which keeps `/` for
// its filter; Ctrl+K opens the search there), which finds the topic with the words marked;
// arrows and Enter open it. Screenshots in tmp/shots/.

import { addMember, closeAll, createProject, createUsers, signedInContext, uniq } from "./support/fixtures.ts";
import { expect, test } from "./support/test.ts";

test("topics: create, reply, lock refuses replies; / opens the search that finds the topic", async ({ browser }) => {
  const [admin, member] = await createUsers(2, "en", ["admin", "member"]);
  const adminCtx = await signedInContext(browser, admin);
  const memberCtx = await signedInContext(browser, member);
  const project = await createProject(adminCtx.request);
  await addMember(adminCtx.request, project.slug, member.username);
  const word = `zebra${uniq().replace(/[^a-z]/g, "")}`;

  // The member's page stays offline (no realtime): it is the stale page that the lock below must
  // still refuse on the server. (Live topic pages: the test below.)
  await memberCtx.routeWebSocket(/\/socket\.io\//, (ws) => ws.close({ code: 1006, reason: "offline" }));
  const page = await memberCtx.newPage();
  await page.goto(`/${project.slug}`);
  await page.getByTestId("board-topics-link").click();
  await expect(page.getByRole("heading", { name: "Topics" })).toBeVisible();
  await page.getByTestId("new-topic").click();
  await page.getByLabel("Title").fill(`Planning the ${word} launch`);
  await page.getByLabel("What is it about? (markdown)").fill("We need **a plan** for the launch.");
  await page.getByRole("button", { name: "Start topic" }).click();
  await expect(page.getByTestId("topic-page")).toBeVisible();
  await expect(page.getByRole("heading", { name: `Planning the ${word} launch` })).toBeVisible();
  await expect(page.getByTestId("topic-page").locator("strong", { hasText: "a plan" })).toBeVisible();

  await page.getByLabel("Your reply (markdown)").fill("First reply: sounds good");
  await page.getByRole("button", { name: "Reply", exact: true }).click();
  await expect(page.getByTestId("topic-replies")).toContainText("First reply: sounds good");
  const topicUrl = page.url();

  // The admin locks it.
  const adminPage = await adminCtx.newPage();
  await adminPage.goto(topicUrl);
  await expect(adminPage.getByTestId("topic-replies")).toContainText("First reply: sounds good");
  await adminPage.getByTestId("topic-lock").click();
  await expect(adminPage.getByTestId("locked-banner")).toBeVisible();
  await expect(adminPage.getByTestId("topic-lock")).toHaveText("Unlock");
  await expect(adminPage.getByTestId("reply-composer")).toHaveCount(0);
  await adminPage.screenshot({ path: "tmp/shots/topic-locked.png", fullPage: true });

  // The member's open page still has its composer: the server refuses, the page says why.
  await page.getByLabel("Your reply (markdown)").fill("Second reply after the lock");
  await page.getByRole("button", { name: "Reply", exact: true }).click();
  await expect(
    page.getByText("That did not work: This topic is locked: it does not accept new replies.", { exact: true }),
  ).toBeVisible();
  await expect(page.getByTestId("topic-replies")).not.toContainText("Second reply after the lock");
  await page.reload();
  await expect(page.getByTestId("locked-banner")).toHaveText("This topic is locked. New replies are not accepted.");
  await expect(page.getByTestId("reply-composer")).toHaveCount(0);
  await expect(page.getByTestId("topic-replies").locator("li")).toHaveCount(1);
  await expect(page.getByTestId("topic-pin")).toHaveCount(0);

  // The list: the topic, locked, with its reply count.
  await page.goto(`/${project.slug}/topics`);
  await expect(page.getByTestId("topic-list")).toContainText(`Planning the ${word} launch`);
  await expect(page.getByTestId("topic-list")).toContainText("Locked");
  await expect(page.getByTestId("topic-list")).toContainText("1 reply");
  await page.screenshot({ path: "tmp/shots/topics-list.png", fullPage: true });

  // `/` opens the global search here; it finds the topic with the word marked.
  await page.keyboard.press("/");
  const dialog = page.getByTestId("search-dialog");
  await expect(dialog).toBeVisible();
  const box = page.getByRole("combobox", { name: "Search cards, comments, topics, replies and messages" });
  await expect(box).toBeFocused();
  await box.fill(word.slice(0, 8));
  const result = dialog.getByTestId("search-result").filter({ hasText: `Planning the ${word} launch` });
  await expect(result).toBeVisible();
  await expect(dialog.getByRole("group", { name: "Topics" })).toBeVisible();
  await expect(result.locator("mark").first()).toHaveText(word.slice(0, 8));
  await page.screenshot({ path: "tmp/shots/search-dialog.png" });
  await box.press("ArrowDown");
  await box.press("ArrowUp");
  await box.press("Enter");
  await expect(page).toHaveURL(topicUrl);
  await expect(page.getByTestId("topic-page")).toBeVisible();

  // Typing `/` in a field types it; on the board `/` focuses the filter and Ctrl+K opens the search.
  await page.goto(`/${project.slug}`);
  await expect(page.getByTestId("board-topics-link")).toBeVisible();
  await page.locator("body").click();
  await page.keyboard.press("/");
  await expect(page.getByTestId("search-dialog")).toHaveCount(0);
  await expect(page.locator('[aria-keyshortcuts="/"]')).toBeFocused();
  await page.keyboard.press("Escape");
  await page.keyboard.press("Control+k");
  await expect(page.getByTestId("search-dialog")).toBeVisible();

  await closeAll(adminCtx, memberCtx);
});

test("topics: a topic page and the topic list follow replies, locks and deletions live", async ({ browser }) => {
  const [admin, member] = await createUsers(2, "en", ["admin", "member"]);
  const adminCtx = await signedInContext(browser, admin);
  const memberCtx = await signedInContext(browser, member);
  const project = await createProject(adminCtx.request);
  await addMember(adminCtx.request, project.slug, member.username);
  const topic = await (
    await adminCtx.request.post(`/api/v1/projects/${project.slug}/topics`, { data: { title: "Release plan", body: "Dates?" } })
  ).json();
  const api = `/api/v1/projects/${project.slug}/topics/${topic.id}`;
  const live = { timeout: 45_000 };

  const page = await memberCtx.newPage();
  await page.goto(`/${project.slug}/topics/${topic.id}`);
  await expect(page.getByTestId("realtime-status")).toHaveAttribute("data-status", "live", live);
  const list = await memberCtx.newPage();
  await list.goto(`/${project.slug}/topics`);
  await expect(list.getByTestId("realtime-status")).toHaveAttribute("data-status", "live", live);

  // The admin replies from another browser: it appears without a reload, counted once.
  await adminCtx.request.post(`${api}/replies`, { data: { body: "Friday works for me" } });
  await expect(page.getByTestId("topic-replies")).toContainText("Friday works for me", live);
  await expect(page.getByRole("heading", { name: "1 reply" })).toBeVisible();
  await expect(list.getByTestId("topic-list")).toContainText("1 reply", live);
  // The member's own reply is not doubled by its event.
  await page.getByLabel("Your reply (markdown)").fill("Then Friday it is");
  await page.getByRole("button", { name: "Reply", exact: true }).click();
  await expect(page.getByTestId("topic-replies").locator("li")).toHaveCount(2);
  await expect(page.getByRole("heading", { name: "2 replies" })).toBeVisible();

  // Locked elsewhere: the banner shows and the composer goes.
  await adminCtx.request.patch(api, { data: { locked: true } });
  await expect(page.getByTestId("locked-banner")).toBeVisible(live);
  await expect(page.getByTestId("reply-composer")).toHaveCount(0);
  await expect(list.getByTestId("topic-list")).toContainText("Locked", live);

  // Deleted elsewhere: the page says so.
  await adminCtx.request.delete(api);
  await expect(page.getByTestId("topic-gone")).toBeVisible(live);
  await expect(list.getByText("Release plan")).toHaveCount(0, live);
  await closeAll(adminCtx, memberCtx);
});
