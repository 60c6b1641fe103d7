// The text of the bot message that tells the project chat about a push or a pull request.
import { postBotMessage } from "../chat/chat.ts";
import type { GitEvent } from "./payloads.ts";
import type { Provider } from "./verify.ts";

const MAX_COMMITS = 10;

/** A short markdown summary of the event, naming the cards it mentioned (`PRJ-1`). Pure. */
export function botSummary(event: GitEvent, cardKeys: string[]): string {
  const cards = cardKeys.length ? ` (${cardKeys.join(", ")})` : "";
  const repo = event.repo.name || "the repository";
  if (event.kind === "push") {
    const n = event.commits.length;
    const who = event.pusher ?? "Someone";
    const lines = [`${who} pushed ${n} commit${n === 1 ? "" : "s"} to ${event.branch ?? "a branch"} of ${repo}${cards}`];
    for (const c of event.commits.slice(0, MAX_COMMITS)) {
      lines.push(`- [${c.sha.slice(0, 7)}](${c.url}) ${c.message.split("\n")[0]}`);
    }
    if (n > MAX_COMMITS) lines.push(`- … and ${n - MAX_COMMITS} more`);
    return lines.join("\n");
  }
  const verb = { opened: "opened", merged: "merged", closed: "closed" }[event.state];
  const who = event.author ? `${event.author}'s` : "A";
  return `${who} pull request [#${event.number} ${event.title}](${event.url}) in ${repo} is ${verb}${cards}`;
}

const BOT_NAMES: Record<Provider, string> = { github: "GitHub", gitlab: "GitLab", generic: "Webhook" };

/** Posts the summary to the project chat as a bot message; a failure there never fails the delivery. */
export async function postWebhookBotMessage(
  projectId: number,
  provider: Provider,
  event: GitEvent,
  cardKeys: string[],
): Promise<void> {
  try {
    await postBotMessage(projectId, { name: BOT_NAMES[provider], body: botSummary(event, cardKeys) });
  } catch (e) {
    console.error("webhook bot message could not be posted", e);
  }
}
