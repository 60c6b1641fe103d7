// A plain query against any engine's database URL, for tests that look under the ORM.
import { mariadbConfig } from "../../lib/db/client.ts";
import { engineOf, sqlitePath } from "../../lib/db/engine.ts";

export async function query<T = Record<string, unknown>>(url: string, sql: string): Promise<T[]> {
  const engine = engineOf(url);
  if (engine === "sqlite") {
    const { default: Database } = await import("better-sqlite3");
    const db = new Database(sqlitePath(url), { readonly: true });
    try {
      return db.prepare(sql).all() as T[];
    } finally {
      db.close();
    }
  }
  if (engine === "postgresql") {
    const { default: pg } = await import("pg");
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(sql)).rows as T[];
    } finally {
      await client.end();
    }
  }
  const mariadb = await import("mariadb");
  const { connectionLimit: _ignored, ...config } = mariadbConfig(url);
  const conn = await mariadb.createConnection(config);
  try {
    return [...((await conn.query(sql)) as T[])];
  } finally {
    await conn.end();
  }
}
