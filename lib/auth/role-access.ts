// The one shape of "what role does this user have here?", shared by projects (lib/auth/access.ts)
// and customers (lib/customers/access.ts): a user's role in a place is the highest of their direct
// role (project_members, customer_access) and their groups' roles (group_project_access,
// group_customer_access). One statement on the direct driver (lib/db/direct.ts) reads the place and
// both ranks; `bestRole` turns the ranks back into a role name.
import { Prisma } from "../db/client.ts";

/** Where a place's roles are stored: the direct table and the groups' table, each with the place's column. */
export type RoleTables = {
  roles: readonly string[];
  direct: { table: string; column: string };
  group: { table: string; column: string };
};

/** The ranks a role query returns beside the place's own columns. */
export type RankRow = { direct_rank: unknown; group_rank: unknown };

/** Role names ranked 1..n in SQL (0 = no role), in the order of `roles`. */
function rankSql(roles: readonly string[]): Prisma.Sql {
  return Prisma.raw(`CASE role ${roles.map((r, i) => `WHEN '${r}' THEN ${i + 1}`).join(" ")} ELSE 0 END`);
}

/**
 * The two select-list items `direct_rank` and `group_rank` for the place whose id is `placeId`
 * (an SQL expression such as `p.id`), for one user.
 */
export function rankColumns(tables: RoleTables, placeId: Prisma.Sql, userId: number): Prisma.Sql {
  const rank = rankSql(tables.roles);
  const direct = Prisma.raw(tables.direct.table);
  const directColumn = Prisma.raw(tables.direct.column);
  const group = Prisma.raw(tables.group.table);
  const groupColumn = Prisma.raw(tables.group.column);
  return Prisma.sql`(SELECT MAX(${rank}) FROM ${direct} a WHERE a.${directColumn} = ${placeId} AND a.user_id = ${userId}) AS direct_rank,
      (SELECT MAX(${rank}) FROM ${group} g JOIN group_members gm ON gm.group_id = g.group_id
        WHERE g.${groupColumn} = ${placeId} AND gm.user_id = ${userId}) AS group_rank`;
}

/** The higher of the row's direct and group rank as a role name, or null for none. */
export function bestRole<R extends string>(roles: readonly R[], row: RankRow): R | null {
  const rank = Math.max(Number(row.direct_rank ?? 0), Number(row.group_rank ?? 0));
  return rank > 0 ? roles[rank - 1] : null;
}
