// [CHAT]: two users in two browsers. A DM typed by one shows the typing indicator and then appears
// live for the other, with an unread badge first; a project chat mention raises the bell count.

import { addMember, apiJson, closeAll, createProject, createUsers, signedInContext } from "./support/fixtures.ts";
import { expect, test } from "./support/test.ts";

test("[CHAT]: DM live with typing and unread badge; mention rings the bell", async ({ browser }) => {
  const [alice, bob] = await createUsers(2, "en", ["alice", "bob"]);
  const a = await signedInContext(browser, alice);
  const b = await signedInContext(browser, bob);
  const project = await createProject(a.request, `Chat ${alice.username}`);
  await addMember(a.request, project.slug, bob.username);
  const [bobUser] = await apiJson<{ id: number; username: string }[]>(
    a.request,
    "GET",
    `/api/v1/conversations/users?q=${encodeURIComponent(bob.username)}`,
  );
  const dm = await apiJson<{ id: number }>(a.request, "POST", "/api/v1/conversations", { userIds: [bobUser.id] });

  const pa = await a.newPage();
  const pb = await b.newPage();
  // Bob sits on the messages page; Alice writes the first message: unread badge for Bob.
  await pb.goto("/chat");
  await expect(pb.getByTestId("conversation-link").filter({ hasText: alice.username })).toBeVisible();
  await apiJson(a.request, "POST", `/api/v1/conversations/${dm.id}/messages`, { body: "Hi Bob, first message" });
  await expect(pb.getByTestId("conversation-unread")).toHaveText(/1/);
  await expect(pb.getByTestId("chat-unread-badge")).toBeVisible();
  await pb.screenshot({ path: "tmp/e2e-results/chat-messages-unread.png" });

  // Both open the DM; Alice types (Bob sees it) and sends with Enter (Bob sees the message live).
  await pb.getByTestId("conversation-link").first().click();
  await expect(pb.getByTestId("chat-channel")).toHaveAttribute("data-live", "live");
  await pa.goto(`/chat/${dm.id}`);
  await expect(pa.getByTestId("chat-channel")).toHaveAttribute("data-live", "live");
  const composer = pa.getByTestId("chat-composer");
  await composer.click();
  await composer.pressSequentially("Are you there", { delay: 30 });
  await expect(pb.getByTestId("chat-typing")).toContainText(`${alice.username} is typing`);
  await composer.press("Shift+Enter");
  await composer.pressSequentially("second line?");
  await composer.press("Enter");
  await expect(composer).toHaveValue("");
  const log = pb.getByRole("log");
  await expect(log.getByText("second line?")).toBeVisible();
  await expect(log.getByText("Hi Bob, first message")).toBeVisible();
  // Bob is reading the conversation: its unread count is gone.
  await expect(pb.getByTestId("conversation-unread")).toHaveCount(0);
  await pb.screenshot({ path: "tmp/e2e-results/chat-dm.png" });

  // Project chat: Alice mentions Bob; Bob's bell counts it; the card key is a link.
  await apiJson(a.request, "POST", `/api/v1/projects/${project.slug}/cards`, { title: "Preview me" });
  await pa.goto(`/${project.slug}`);
  await pa.getByTestId("board-chat-link").click();
  await expect(pa).toHaveURL(new RegExp(`/${project.slug}/chat$`));
  await expect(pa.getByTestId("chat-channel")).toHaveAttribute("data-live", "live");
  // The DMs notified Bob too, but he read them in the conversation: the bell does not count them
  // a second time (issue 21), so the mention is the one counted.
  await expect(pb.getByTestId("notification-count")).toHaveCount(0);
  await pa.getByTestId("chat-composer").fill(`@${bob.username} please look at ${project.key}-1`);
  await pa.getByTestId("chat-composer").press("Enter");
  await expect(pb.getByTestId("notification-count")).toHaveText("1");
  const cardLink = pa.getByRole("log").getByRole("link", { name: `${project.key}-1` });
  await expect(cardLink).toBeVisible();
  await cardLink.hover();
  await expect(pa.getByTestId("card-preview")).toContainText("Preview me");
  await pa.screenshot({ path: "tmp/e2e-results/chat-project.png" });

  await pb.getByTestId("notification-bell").click();
  await expect(pb.getByTestId("notification-list")).toContainText(`${alice.username} mentioned you`);
  await pb.screenshot({ path: "tmp/e2e-results/chat-bell.png" });
  await pb.getByRole("button", { name: "Mark all read" }).click();
  await expect(pb.getByTestId("notification-count")).toHaveCount(0);
  await closeAll(a, b);
});

// A 2×2 PNG (red), small enough to inline.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGP4z8AARAwQCgAf7gP9i18U1AAAAABJRU5ErkJggg==",
  "base64",
);

test("[CHAT]: an image picked in the composer is sent with the message and shows for the other member live", async ({
  browser,
}) => {
  const [alice, bob] = await createUsers(2, "en", ["alice", "bob"]);
  const a = await signedInContext(browser, alice);
  const b = await signedInContext(browser, bob);
  const project = await createProject(a.request, `Files ${alice.username}`);
  await addMember(a.request, project.slug, bob.username);
  const pa = await a.newPage();
  const pb = await b.newPage();
  await pb.goto(`/${project.slug}/chat`);
  await expect(pb.getByTestId("chat-channel")).toHaveAttribute("data-live", "live");
  await pa.goto(`/${project.slug}/chat`);
  await expect(pa.getByTestId("chat-channel")).toHaveAttribute("data-live", "live");

  const chooser = pa.waitForEvent("filechooser");
  await pa.getByRole("button", { name: "Add files" }).click();
  await (await chooser).setFiles({ name: "mockup.png", mimeType: "image/png", buffer: PNG });
  await expect(pa.getByTestId("composer-files")).toContainText("mockup.png");
  await pa.getByTestId("chat-composer").fill("The new mock-up");
  await pa.getByTestId("chat-composer").press("Enter");
  await expect(pa.getByTestId("composer-files")).toHaveCount(0);

  const image = pb.getByRole("log").getByRole("img", { name: "mockup.png" });
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await expect(pb.getByRole("log").getByText("The new mock-up")).toBeVisible();
  // After a reload the file is still with its message.
  await pb.reload();
  await expect(pb.getByRole("log").getByRole("img", { name: "mockup.png" })).toBeVisible();
  await pb.screenshot({ path: "tmp/e2e-results/chat-image.png" });
  await closeAll(a, b);
});
