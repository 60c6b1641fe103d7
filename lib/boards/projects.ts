import { z } from "zod";
import { readableProjectIds, requireProject } from "../auth/access.ts";
import type { Actor } from "../auth/actor.ts";
import { customerIdForProject } from "../customers/access.ts";
import { getDb } from "../db/client.ts";
import { AppError, parseInput } from "../errors.ts";
import { translate } from "../i18n/index.ts";
import { STEP } from "../ordering/positions.ts";
import { projectRoom } from "../realtime/events.ts";
import { publish } from "../realtime/publish.ts";

export const DEFAULT_COLUMNS = ["To do", "In progress", "Done"];
/** A new project's columns in its creator's language; the last one ("Done") counts as done, explicitly. */
export const defaultColumns = (language: string) =>
  (["board.default.todo", "board.default.inProgress", "board.default.done"] as const).map((key) => translate(language, key));

/**
 * First path segments that belong to WarmDesk's own pages and APIs: a project with one of these
 * slugs would sit behind that page. test/projects/reserved-slugs.test.ts checks that every top-level
 * route under app/ is listed.
 */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  "admin",
  "api",
  "api-docs",
  "change-password",
  "chat",
  "customers",
  "forgot-password",
  "my-work",
  "profile",
  "reset-password",
  "setup",
  "sign-in",
  "sign-up",
  "time",
]);

export const ZSlug = z
  .string()
  .trim()
  .toLowerCase()
  .min(2)
  .max(64)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "lower-case letters, digits and single hyphens")
  .refine((slug) => !RESERVED_SLUGS.has(slug), "reserved for a page of WarmDesk");

export const ZProjectKey = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z][A-Z0-9]{1,9}$/, "2–10 letters or digits, starting with a letter");

export const PROJECT_TYPES = ["kanban", "scrum"] as const;
export type ProjectType = (typeof PROJECT_TYPES)[number];

export const ZCreateProject = z.object({
  name: z.string().trim().min(1).max(191),
  key: ZProjectKey,
  slug: ZSlug.optional(),
  description: z.string().max(20_000).nullish(),
  type: z.enum(PROJECT_TYPES).default("kanban"),
  customerSlug: z.string().max(191).nullish(),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .nullish(),
});
export type TCreateProject = z.input<typeof ZCreateProject>;

export const PROJECT_SELECT = {
  id: true,
  name: true,
  slug: true,
  key: true,
  description: true,
  type: true,
  color: true,
  isArchived: true,
  cardCounter: true,
  createdAt: true,
  billableDefault: true,
  customer: { select: { id: true, name: true, slug: true } },
} as const;

export function slugify(text: string): string {
  const s = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48)
    .replace(/-+$/, "");
  return s.length >= 2 ? s : `project-${s || "x"}`;
}

export async function createProject(actor: Actor, input: TCreateProject) {
  const data = parseInput(ZCreateProject, input);
  if (actor.apiKeyProjectId !== null) throw new AppError("forbidden", "A project-scoped API key cannot create projects.");
  const db = getDb();
  const customerId = data.customerSlug ? await customerIdForProject(actor, data.customerSlug) : null;
  const slug = data.slug ?? (await freeSlug(slugify(data.name)));
  try {
    const project = await db.$transaction(async (tx) => {
      // A slug another project had before a rename is free to take: its old links stop leading there.
      await tx.projectSlugRedirect.deleteMany({ where: { slug } });
      const p = await tx.project.create({
        data: {
          name: data.name,
          slug,
          key: data.key,
          description: data.description ?? null,
          type: data.type,
          color: data.color ?? null,
          customerId,
          members: { create: { userId: actor.userId, role: "admin" } },
          columns: {
            create: defaultColumns(actor.language).map((name, i, all) => ({
              name,
              position: (i + 1) * STEP,
              isDone: i === all.length - 1,
            })),
          },
        },
        select: PROJECT_SELECT,
      });
      return p;
    });
    return projectJson(project);
  } catch (e) {
    if ((e as { code?: string }).code === "P2002") {
      throw new AppError("conflict", `A project with the slug "${slug}" already exists.`, {
        fields: [{ path: "slug", message: "taken" }],
      });
    }
    throw e;
  }
}

/** The base slug, or base-2, base-3…: not reserved, neither a project's slug nor an old one that still redirects. */
async function freeSlug(base: string): Promise<string> {
  const db = getDb();
  const where = { slug: { startsWith: base } };
  const [projects, redirects] = await Promise.all([
    db.project.findMany({ where, select: { slug: true } }),
    db.projectSlugRedirect.findMany({ where, select: { slug: true } }),
  ]);
  const taken = new Set([...RESERVED_SLUGS, ...[...projects, ...redirects].map((p) => p.slug)]);
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

export type ProjectRow = {
  id: number;
  name: string;
  slug: string;
  key: string;
  description: string | null;
  type: string;
  color: string | null;
  isArchived: boolean;
  cardCounter: number;
  createdAt: Date;
  billableDefault: boolean;
  customer: { id: number; name: string; slug: string } | null;
};

export function projectJson(p: ProjectRow) {
  return {
    id: p.id,
    name: p.name,
    slug: p.slug,
    key: p.key,
    description: p.description,
    type: p.type,
    color: p.color,
    isArchived: p.isArchived,
    cardCounter: p.cardCounter,
    customer: p.customer,
    /** New time entries on it are billable unless booked otherwise. */
    billableDefault: p.billableDefault,
    createdAt: p.createdAt.toISOString(),
  };
}

/** Projects the actor can read: those they are a direct member of first, then the others, each by name. */
export async function listProjects(actor: Actor, options: { includeArchived?: boolean } = {}) {
  const ids = await readableProjectIds(actor);
  const db = getDb();
  const [projects, own] = await Promise.all([
    db.project.findMany({
      where: {
        deletedAt: null,
        ...(ids === "all" ? {} : { id: { in: ids } }),
        ...(options.includeArchived ? {} : { isArchived: false }),
      },
      select: { ...PROJECT_SELECT, _count: { select: { cards: { where: { deletedAt: null } } } } },
      orderBy: [{ name: "asc" }, { id: "asc" }],
    }),
    db.projectMember.findMany({ where: { userId: actor.userId }, select: { projectId: true } }),
  ]);
  const mine = new Set(own.map((m) => m.projectId));
  const rows = projects.map((p) => ({ ...projectJson(p), cardCount: p._count.cards, isMember: mine.has(p.id) }));
  return [...rows.filter((p) => p.isMember), ...rows.filter((p) => !p.isMember)];
}

export async function getProject(actor: Actor, slug: string) {
  const { project, role } = await requireProject(actor, slug);
  const row = await getDb().project.findUniqueOrThrow({ where: { id: project.id }, select: PROJECT_SELECT });
  return { ...projectJson(row), role };
}

export const ZUpdateProject = z
  .object({
    name: z.string().trim().min(1).max(191),
    slug: ZSlug,
    /** Renames every card key (PRJ-42 becomes NEW-42); numbers stay. */
    key: ZProjectKey,
    description: z.string().max(20_000).nullable(),
    type: z.enum(PROJECT_TYPES),
    customerSlug: z.string().max(191).nullable(),
    color: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/)
      .nullable(),
    billableDefault: z.boolean(),
  })
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, "nothing to change");

/**
 * Edits a project's settings (project admins). A taken slug is a 409. A new slug keeps the old one
 * as a redirect (pages and REST calls with it still find the project); taking a slug that is an old
 * one of another project, or this project's own, removes that redirect.
 */
export async function updateProject(actor: Actor, slug: string, input: unknown) {
  const data = parseInput(ZUpdateProject, input);
  const { project } = await requireProject(actor, slug, "admin");
  const db = getDb();
  const { customerSlug, ...fields } = data;
  const customerId =
    customerSlug === undefined ? undefined : customerSlug ? await customerIdForProject(actor, customerSlug) : null;
  let row: ProjectRow;
  try {
    row = await db.$transaction(async (tx) => {
      if (data.slug !== undefined && data.slug !== project.slug) {
        await tx.projectSlugRedirect.deleteMany({ where: { slug: data.slug } });
        await tx.projectSlugRedirect.upsert({
          where: { slug: project.slug },
          create: { slug: project.slug, projectId: project.id },
          update: { projectId: project.id },
        });
      }
      return tx.project.update({
        where: { id: project.id },
        data: { ...fields, ...(customerId !== undefined ? { customerId } : {}) },
        select: PROJECT_SELECT,
      });
    });
  } catch (e) {
    if ((e as { code?: string }).code === "P2002") {
      throw new AppError("conflict", `A project with the slug "${data.slug}" already exists.`, {
        fields: [{ path: "slug", message: "taken" }],
      });
    }
    throw e;
  }
  const json = projectJson(row);
  publish([{ room: projectRoom(project.id), type: "project.updated", data: { project: json, previousSlug: project.slug } }]);
  return json;
}

/** Archives (read-only, hidden from the default list) or restores a project (project admins). */
export async function setProjectArchived(actor: Actor, slug: string, isArchived: boolean) {
  // Not requireProject(…, "admin"): that refuses every write to an archived project, restore included.
  const { project, role } = await requireProject(actor, slug, "viewer");
  if (role !== "admin") throw new AppError("forbidden", `This needs the admin role in the project; you are ${role}.`);
  if (isArchived && project.isArchived) throw new AppError("conflict", "The project is archived already.");
  const row = await getDb().project.update({ where: { id: project.id }, data: { isArchived }, select: PROJECT_SELECT });
  const json = projectJson(row);
  publish([{ room: projectRoom(project.id), type: "project.updated", data: { project: json } }]);
  return json;
}
