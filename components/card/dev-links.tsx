"use client";
// The card's git links (commits and pull requests attached by webhooks), pull requests first, with
// their state. Shown only when there are any.
import { useT } from "@/components/i18n-provider.tsx";
import { Badge, type BadgeVariant } from "@/components/ui/badge.tsx";
import { Section } from "./section.tsx";

export type CardLinkJson = { id: number; type: string; url: string; ref: string; title: string | null; state: string | null };

const STATE_VARIANT: Record<string, BadgeVariant> = { opened: "success", merged: "accent", closed: "neutral" };
const STATES = ["opened", "merged", "closed"] as const;

/** Only http(s) URLs become links: the URL came from a webhook payload. */
const safeHref = (url: string) => (/^https?:\/\//i.test(url) ? url : undefined);

export function DevelopmentLinks({ links }: { links: CardLinkJson[] | undefined }) {
  const t = useT();
  if (!links || links.length === 0) return null;
  const sorted = [...links].sort((a, b) => (a.type === b.type ? b.id - a.id : a.type === "pull_request" ? -1 : 1));
  return (
    <Section title={t("webhooks.card.title")} id="card-development">
      <ul className="flex flex-col gap-1.5" data-testid="card-links">
        {sorted.map((l) => {
          const isPr = l.type === "pull_request";
          const state = STATES.find((s) => s === l.state);
          return (
            <li key={l.id} className="flex min-w-0 items-center gap-2 text-sm">
              <span className="shrink-0 text-xs text-muted">
                {t(isPr ? "webhooks.card.pullRequest" : "webhooks.card.commit")}
              </span>
              <a
                href={safeHref(l.url)}
                target="_blank"
                rel="noopener noreferrer"
                className="shrink-0 font-mono text-xs text-accent hover:underline"
              >
                {isPr ? `#${l.ref}` : l.ref.slice(0, 7)}
              </a>
              <span className="min-w-0 truncate" title={l.title ?? undefined}>
                {l.title}
              </span>
              {isPr && state ? (
                <Badge variant={STATE_VARIANT[state]} className="ml-auto shrink-0">
                  {t(`webhooks.state.${state}`)}
                </Badge>
              ) : null}
            </li>
          );
        })}
      </ul>
    </Section>
  );
}
