// Finding a card of a project by its key (`PRJ-42`) or number (`42`): the one way, used by every
// module that takes a card key (card detail, comments, checklist, references, history,
// attachments, time entries). Modules on the direct driver parse the key with parseCardKey
// (card-json.ts) and read the same row in their own unit of work.
import type { ProjectRef } from "../auth/access.ts";
import type { Tx } from "../db/client.ts";
import { notFound } from "../errors.ts";
import { parseCardKey } from "./card-json.ts";

export type CardRef = {
  id: number;
  number: number;
  columnId: number;
  position: number;
  version: number;
  deletedAt: Date | null;
};

/** A card of the project by key (`PRJ-42` or `42`); deleted cards only when asked for. 404 otherwise. */
export async function findCard(
  tx: Tx,
  project: ProjectRef,
  key: string | number,
  options: { deleted?: boolean } = {},
): Promise<CardRef> {
  const number = parseCardKey(project.key, String(key));
  const card =
    number === null
      ? null
      : await tx.card.findFirst({
          where: { projectId: project.id, number, ...(options.deleted ? {} : { deletedAt: null }) },
          select: { id: true, number: true, columnId: true, position: true, version: true, deletedAt: true },
        });
  if (!card) throw notFound(`Card ${key} not found`);
  return card;
}
