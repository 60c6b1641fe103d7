// The card detail: the card's JSON plus what only the detail view shows (checklist, children with
// progress, references, parent title), restoring soft-deleted cards and listing them.
import { attachmentCounts, restoreCardAttachments } from "../attachments/attachments.ts";
import { type ProjectRef, requireProject } from "../auth/access.ts";
import type { Actor } from "../auth/actor.ts";
import { getDb, type Tx } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { projectRoom } from "../realtime/events.ts";
import { publish } from "../realtime/publish.ts";
import { doneColumnIds, recordSprintProgress } from "../scrum/progress.ts";
import { CARD_SELECT, cardJson } from "./card-json.ts";
import { checklistCounts, listChecklist } from "./checklist.ts";
import { findCard } from "./find-card.ts";
import { referencesOf } from "./references.ts";

/** The card's JSON as REST returns it everywhere, plus `checklist: { done, total }`. */
export async function cardDetailJson(tx: Tx, project: ProjectRef, id: number) {
  const [row, counts, attachments] = await Promise.all([
    tx.card.findUniqueOrThrow({ where: { id }, select: { ...CARD_SELECT, deletedAt: true } }),
    checklistCounts(tx, [id]),
    attachmentCounts(tx, [id]),
  ]);
  const { deletedAt, ...rest } = row;
  return {
    ...cardJson(project.key, { ...rest, attachmentCount: attachments.get(id) ?? 0 }),
    deletedAt: deletedAt ? deletedAt.toISOString() : null,
    checklist: counts.get(id) ?? { done: 0, total: 0 },
  };
}
export type CardDetailJson = Awaited<ReturnType<typeof cardDetailJson>>;

/** Who may be assigned: active users with a role in the project, directly or through a group. */
export async function projectPeople(tx: Tx, projectId: number) {
  return tx.user.findMany({
    where: {
      deletedAt: null,
      isActive: true,
      OR: [
        { memberships: { some: { projectId } } },
        { groupMemberships: { some: { group: { projectAccess: { some: { projectId } } } } } },
      ],
    },
    orderBy: { username: "asc" },
    take: 500,
    select: { id: true, username: true },
  });
}

/** Everything the detail view shows, in one call. Deleted cards are readable (to restore them). */
export async function getCardDetail(actor: Actor, slug: string, key: string) {
  const { project, role } = await requireProject(actor, slug);
  const db = getDb() as unknown as Tx;
  const ref = await findCard(db, project, key, { deleted: true });
  const [card, items, children, references, doneIds, parent, columns, people, sprint] = await Promise.all([
    cardDetailJson(db, project, ref.id),
    listChecklist(db, ref.id),
    db.card.findMany({
      where: { parentCardId: ref.id, deletedAt: null },
      orderBy: { number: "asc" },
      select: { id: true, number: true, title: true, columnId: true },
    }),
    referencesOf(db, project, ref.id),
    doneColumnIds(db, project.id),
    db.card.findFirst({
      where: { children: { some: { id: ref.id } }, deletedAt: null },
      select: { number: true, title: true },
    }),
    db.column.findMany({
      where: { projectId: project.id },
      orderBy: [{ position: "asc" }, { id: "asc" }],
      select: { id: true, name: true },
    }),
    projectPeople(db, project.id),
    // Scrum: the planned or active sprint the card is in.
    db.sprint.findFirst({
      where: { status: { not: "closed" }, cards: { some: { cardId: ref.id } } },
      select: { id: true, name: true, status: true },
    }),
  ]);
  const childJson = children.map((c) => ({
    key: `${project.key}-${c.number}`,
    title: c.title,
    columnId: c.columnId,
    done: doneIds.includes(c.columnId),
  }));
  return {
    card,
    project: {
      id: project.id,
      slug: project.slug,
      key: project.key,
      name: project.name,
      type: project.type,
      isArchived: project.isArchived,
    },
    role,
    canEdit: role !== "viewer" && !project.isArchived,
    checklistItems: items,
    parent: parent ? { key: `${project.key}-${parent.number}`, title: parent.title } : null,
    children: childJson,
    childProgress: { done: childJson.filter((c) => c.done).length, total: childJson.length },
    references,
    columns,
    people,
    sprint,
  };
}
export type CardDetail = Awaited<ReturnType<typeof getCardDetail>>;

/** Brings back a soft-deleted card (where it was; its column still exists, columns cascade). */
export async function restoreCard(actor: Actor, slug: string, key: string) {
  const { project } = await requireProject(actor, slug, "member");
  const card = await getDb().$transaction(async (tx) => {
    const ref = await findCard(tx, project, key, { deleted: true });
    if (!ref.deletedAt) throw new AppError("conflict", `Card ${key} is not deleted.`);
    await restoreCardAttachments(tx, [ref.id], ref.deletedAt);
    await tx.card.update({
      where: { id: ref.id },
      data: { deletedAt: null, version: { increment: 1 } },
      select: { id: true },
    });
    await tx.cardHistory.create({
      data: { cardId: ref.id, userId: actor.userId, field: "deleted", oldValue: "true", newValue: "false" },
    });
    await recordSprintProgress(tx, project, [ref.id], actor.userId, new Date());
    return cardJson(project.key, await tx.card.findUniqueOrThrow({ where: { id: ref.id }, select: CARD_SELECT }));
  });
  publish([{ room: projectRoom(project.id), type: "card.created", data: card }]);
  return card;
}

/** The project's deleted cards, most recently deleted first. */
export async function listDeletedCards(actor: Actor, slug: string) {
  const { project } = await requireProject(actor, slug);
  const rows = await getDb().card.findMany({
    where: { projectId: project.id, deletedAt: { not: null } },
    orderBy: [{ deletedAt: "desc" }, { id: "desc" }],
    take: 500,
    select: { id: true, number: true, title: true, deletedAt: true },
  });
  return rows.map((r) => ({
    id: r.id,
    key: `${project.key}-${r.number}`,
    title: r.title,
    deletedAt: (r.deletedAt as Date).toISOString(),
  }));
}
