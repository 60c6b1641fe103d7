// The global search finds a project chat message: grouped under "Chat messages" with the word
// marked; Enter opens the project chat at that message (?m=<id>), which is scrolled to and shown.
// Screenshot in tmp/shots/.

import { apiJson, closeAll, createProject, createUsers, signedInContext, uniq } from "./support/fixtures.ts";
import { expect, test } from "./support/test.ts";

test("search finds a chat message and opens the chat at it", async ({ browser }) => {
  const [user] = await createUsers(1, "en", ["searcher"]);
  const ctx = await signedInContext(browser, user);
  const project = await createProject(ctx.request);
  const word = `okapi${uniq().replace(/[^a-z]/g, "")}`;
  const posted = await apiJson<{ id: number }>(ctx.request, "POST", `/api/v1/projects/${project.slug}/messages`, {
    body: `Who saw the ${word} today?`,
  });

  const page = await ctx.newPage();
  await page.goto("/profile");
  await page.keyboard.press("Control+k");
  const dialog = page.getByTestId("search-dialog");
  const box = page.getByRole("combobox", { name: "Search cards, comments, topics, replies and messages" });
  await expect(box).toBeFocused();
  await box.fill(word.slice(0, 9));
  await expect(dialog.getByRole("group", { name: "Chat messages" })).toBeVisible();
  const result = dialog.getByTestId("search-result").filter({ hasText: `Who saw the ${word} today?` });
  await expect(result).toBeVisible();
  await expect(result.locator("mark").first()).toHaveText(word.slice(0, 9));
  await expect(result).toContainText(project.name);
  await page.screenshot({ path: "tmp/shots/search-messages.png" });
  await box.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/${project.slug}/chat\\?m=${posted.id}$`));
  await expect(page.locator(`#m-${posted.id}`)).toBeInViewport();
  await closeAll(ctx);
});
