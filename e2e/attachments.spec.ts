// Attachments on the card detail: two files through the picker (an image and a text file), a
// progress bar while they upload, the image's server-made thumbnail, a download, and deleting one.
// Takes a screenshot of the section in tmp/shots/.
import { mkdirSync } from "node:fs";
import sharp from "sharp";
import { createCard, createProject, createUsers, signedInContext } from "./support/fixtures.ts";
import { expect, test } from "./support/test.ts";

test("[ATTACH]: upload two files with the picker, see progress and a thumbnail, download one, delete one", async ({
  browser,
}) => {
  const [user] = await createUsers(1);
  const ctx = await signedInContext(browser, user);
  const page = await ctx.newPage();
  const project = await createProject(ctx.request);
  const { key } = await createCard(ctx.request, project.slug, { title: "Design the new logo" });
  const png = await sharp({ create: { width: 800, height: 500, channels: 3, background: "#2f7d6d" } })
    .png()
    .toBuffer();

  // Uploads wait at the network until the test has seen their progress bars (no race with a fast upload).
  let release = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route("**/attachments", async (route) => {
    if (route.request().method() === "POST") await gate;
    await route.continue();
  });

  await page.goto(`/${project.slug}/cards/${key}`, { waitUntil: "domcontentloaded" });
  const section = page.getByRole("region", { name: "Attachments" });
  await expect(section.getByText("No attachments yet.")).toBeVisible();

  // The picker: the button is keyboard-reachable and opens the file chooser.
  const addButton = section.getByRole("button", { name: "Add files" });
  await addButton.focus();
  const chooserPromise = page.waitForEvent("filechooser");
  await page.keyboard.press("Enter");
  const chooser = await chooserPromise;
  expect(chooser.isMultiple()).toBe(true);
  const uploaded = page.waitForResponse((r) => r.url().endsWith("/attachments") && r.request().method() === "POST");
  await chooser.setFiles([
    { name: "logo draft.png", mimeType: "image/png", buffer: png },
    { name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("Colours: teal and sand.\n".repeat(20_000)) },
  ]);
  // A progress bar per file while they upload.
  await expect(section.getByTestId("upload-progress")).toHaveCount(2);
  await expect(section.getByRole("progressbar", { name: "Uploading notes.txt" })).toBeVisible();
  release();
  expect((await uploaded).status()).toBe(201);

  const items = section.getByTestId("attachment");
  await expect(items).toHaveCount(2);
  await expect(section.getByTestId("upload-progress")).toHaveCount(0);
  // The image shows its thumbnail (loaded from the server, an image of real size).
  const thumb = section.locator('img[src*="thumb=1"]');
  await expect(thumb).toHaveCount(1);
  await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);

  mkdirSync("tmp/shots", { recursive: true });
  await section.screenshot({ path: "tmp/shots/attachments-en-light.png" });

  // Download the text file.
  const downloadPromise = page.waitForEvent("download");
  await section.getByRole("link", { name: "Download notes.txt" }).first().click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe("notes.txt");

  // Delete it; the image stays.
  page.once("dialog", (d) => void d.accept());
  await section.getByRole("button", { name: "Delete notes.txt" }).click();
  await expect(items).toHaveCount(1);
  await expect(section.getByRole("link", { name: "Download logo draft.png" }).first()).toBeVisible();
  await page.reload({ waitUntil: "domcontentloaded" });
  await expect(page.getByRole("region", { name: "Attachments" }).getByTestId("attachment")).toHaveCount(1);
  await ctx.close();
});
