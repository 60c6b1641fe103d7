// A card's history: every change with who, when, the field, and the old and new value.
import { requireProject } from "../auth/access.ts";
import type { Actor } from "../auth/actor.ts";
import { getDb, type Tx } from "../db/client.ts";
import { findCard } from "./find-card.ts";

/** Newest first. Deleted cards keep their history readable. */
export async function getCardHistory(actor: Actor, slug: string, key: string) {
  const { project } = await requireProject(actor, slug);
  const db = getDb() as unknown as Tx;
  const card = await findCard(db, project, key, { deleted: true });
  const rows = await db.cardHistory.findMany({
    where: { cardId: card.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 1000,
    select: {
      id: true,
      field: true,
      oldValue: true,
      newValue: true,
      createdAt: true,
      user: { select: { id: true, username: true } },
    },
  });
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}
