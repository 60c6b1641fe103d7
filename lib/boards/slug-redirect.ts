// Pages under /<slug>/…: a project's old slug (from before a rename) answers a permanent redirect to
// the same page under the current slug, so bookmarks and shared links keep working. REST needs no
// redirect: requireProject resolves old slugs itself (lib/auth/access.ts).
import { permanentRedirect } from "next/navigation";
import { projectRole } from "../auth/access.ts";
import type { Actor } from "../auth/actor.ts";
import { getDb } from "../db/client.ts";

export type SearchParams = Record<string, string | string[] | undefined>;

/**
 * Redirects (308) to `/<current slug><rest>?<query>` when `slug` is an old slug of a project the
 * actor may read; returns otherwise. An actor without access gets no redirect (the page answers 404
 * as for any unknown project), so the new slug does not leak.
 */
export async function redirectRenamedProject(actor: Actor, slug: string, rest = "", query?: SearchParams): Promise<void> {
  const redirect = await getDb().projectSlugRedirect.findUnique({
    where: { slug },
    select: { projectId: true, project: { select: { slug: true, deletedAt: true } } },
  });
  if (!redirect || redirect.project.deletedAt || redirect.project.slug === slug) return;
  if (!(await projectRole(actor, redirect.projectId))) return;
  permanentRedirect(`/${encodeURIComponent(redirect.project.slug)}${rest}${queryString(query)}`);
}

function queryString(query: SearchParams | undefined): string {
  if (!query) return "";
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) params.append(name, v);
  }
  const s = params.toString();
  return s ? `?${s}` : "";
}
