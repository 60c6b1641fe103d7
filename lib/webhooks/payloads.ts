// The providers' payloads reduced to what WarmDesk uses: a push (branch and commits) or a pull /
// merge request (number, title, body, state). Anything else is "ignored".
import { z } from "zod";
import type { Provider } from "./verify.ts";

export type PrState = "opened" | "merged" | "closed";
export type Commit = { sha: string; url: string; message: string };
export type Repo = { name: string; url: string | null; defaultBranch: string | null };
export type PushEvent = { kind: "push"; repo: Repo; branch: string | null; pusher: string | null; commits: Commit[] };
export type PullRequestEvent = {
  kind: "pull_request";
  repo: Repo;
  number: number;
  url: string;
  title: string;
  body: string;
  state: PrState;
  branch: string | null;
  author: string | null;
};
export type GitEvent = PushEvent | PullRequestEvent;

const str = z.string().max(100_000);
const ZCommit = z.object({ id: z.string().min(1).max(191), url: z.string().max(2000), message: str }).passthrough();

const ZGithubRepo = z
  .object({
    full_name: z.string().max(500),
    html_url: z.string().max(2000).nullish(),
    default_branch: z.string().max(500).nullish(),
  })
  .passthrough();
const ZGithubPush = z
  .object({
    ref: z.string().max(500),
    repository: ZGithubRepo,
    commits: z.array(ZCommit).max(2000).default([]),
    pusher: z
      .object({ name: z.string().max(500).nullish() })
      .passthrough()
      .nullish(),
  })
  .passthrough();
const ZGithubPr = z
  .object({
    action: z.string().max(100),
    repository: ZGithubRepo,
    pull_request: z
      .object({
        number: z.number().int().positive(),
        html_url: z.string().max(2000),
        title: str,
        body: str.nullish(),
        state: z.string().max(50),
        merged: z.boolean().nullish(),
        head: z
          .object({ ref: z.string().max(500) })
          .passthrough()
          .nullish(),
        user: z
          .object({ login: z.string().max(500) })
          .passthrough()
          .nullish(),
      })
      .passthrough(),
  })
  .passthrough();

const ZGitlabProject = z
  .object({
    path_with_namespace: z.string().max(500),
    web_url: z.string().max(2000).nullish(),
    default_branch: z.string().max(500).nullish(),
  })
  .passthrough();
const ZGitlabPush = z
  .object({
    ref: z.string().max(500),
    project: ZGitlabProject,
    commits: z.array(ZCommit).max(2000).default([]),
    user_name: z.string().max(500).nullish(),
  })
  .passthrough();
const ZGitlabMr = z
  .object({
    project: ZGitlabProject,
    user: z
      .object({ username: z.string().max(500).nullish() })
      .passthrough()
      .nullish(),
    object_attributes: z
      .object({
        iid: z.number().int().positive(),
        url: z.string().max(2000),
        title: str,
        description: str.nullish(),
        state: z.string().max(50),
        source_branch: z.string().max(500).nullish(),
      })
      .passthrough(),
  })
  .passthrough();

/** The generic provider's own format (documented in the OpenAPI document): already normalised. */
export const ZGenericPayload = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("push"),
    repository: z.string().max(500).default(""),
    branch: z.string().max(500).nullish(),
    defaultBranch: z.string().max(500).nullish(),
    pusher: z.string().max(500).nullish(),
    commits: z.array(z.object({ sha: z.string().min(1).max(191), url: z.string().max(2000), message: str })).max(2000),
  }),
  z.object({
    kind: z.literal("pull_request"),
    repository: z.string().max(500).default(""),
    number: z.number().int().positive(),
    url: z.string().max(2000),
    title: str,
    body: str.nullish(),
    state: z.enum(["opened", "merged", "closed"]),
    branch: z.string().max(500).nullish(),
    author: z.string().max(500).nullish(),
  }),
]);

const branchOf = (ref: string) => (ref.startsWith("refs/heads/") ? ref.slice("refs/heads/".length) : null);
const commits = (list: { id: string; url: string; message: string }[]): Commit[] =>
  list.map((c) => ({ sha: c.id, url: c.url, message: c.message }));

/**
 * The event in WarmDesk's terms, "ignored" for event types it does not act on, or "invalid" when
 * the body lacks what its event type must have.
 */
export function normaliseEvent(provider: Provider, event: string, body: unknown): GitEvent | "ignored" | "invalid" {
  if (provider === "github") {
    if (event === "push") {
      const p = ZGithubPush.safeParse(body);
      if (!p.success) return "invalid";
      const d = p.data;
      return {
        kind: "push",
        repo: {
          name: d.repository.full_name,
          url: d.repository.html_url ?? null,
          defaultBranch: d.repository.default_branch ?? null,
        },
        branch: branchOf(d.ref),
        pusher: d.pusher?.name ?? null,
        commits: commits(d.commits),
      };
    }
    if (event === "pull_request") {
      const p = ZGithubPr.safeParse(body);
      if (!p.success) return "invalid";
      const pr = p.data.pull_request;
      const repo = p.data.repository;
      return {
        kind: "pull_request",
        repo: { name: repo.full_name, url: repo.html_url ?? null, defaultBranch: repo.default_branch ?? null },
        number: pr.number,
        url: pr.html_url,
        title: pr.title,
        body: pr.body ?? "",
        state: pr.merged ? "merged" : pr.state === "closed" ? "closed" : "opened",
        branch: pr.head?.ref ?? null,
        author: pr.user?.login ?? null,
      };
    }
    return "ignored";
  }
  if (provider === "gitlab") {
    if (event === "Push Hook") {
      const p = ZGitlabPush.safeParse(body);
      if (!p.success) return "invalid";
      const d = p.data;
      return {
        kind: "push",
        repo: {
          name: d.project.path_with_namespace,
          url: d.project.web_url ?? null,
          defaultBranch: d.project.default_branch ?? null,
        },
        branch: branchOf(d.ref),
        pusher: d.user_name ?? null,
        commits: commits(d.commits),
      };
    }
    if (event === "Merge Request Hook") {
      const p = ZGitlabMr.safeParse(body);
      if (!p.success) return "invalid";
      const mr = p.data.object_attributes;
      const project = p.data.project;
      return {
        kind: "pull_request",
        repo: { name: project.path_with_namespace, url: project.web_url ?? null, defaultBranch: project.default_branch ?? null },
        number: mr.iid,
        url: mr.url,
        title: mr.title,
        body: mr.description ?? "",
        state: mr.state === "merged" ? "merged" : mr.state === "opened" ? "opened" : "closed",
        branch: mr.source_branch ?? null,
        author: p.data.user?.username ?? null,
      };
    }
    return "ignored";
  }
  if (event !== "push" && event !== "pull_request") return "ignored";
  const p = ZGenericPayload.safeParse(body);
  if (!p.success || p.data.kind !== event) return "invalid";
  const d = p.data;
  const repo = { name: d.repository, url: null, defaultBranch: d.kind === "push" ? (d.defaultBranch ?? null) : null };
  if (d.kind === "push") {
    return { kind: "push", repo, branch: d.branch ?? null, pusher: d.pusher ?? null, commits: d.commits };
  }
  return {
    kind: "pull_request",
    repo,
    number: d.number,
    url: d.url,
    title: d.title,
    body: d.body ?? "",
    state: d.state,
    branch: d.branch ?? null,
    author: d.author ?? null,
  };
}
