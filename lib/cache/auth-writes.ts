// Every write to the rows an actor is made of (users, sessions, API keys) invalidates the `auth`
// cache (lib/cache/invalidation.ts), wherever it is written from: Prisma's model calls, its raw SQL,
// administration, imports, password resets. Rather than trusting each call site to remember, the
// driver adapter under Prisma's client is watched: a statement that changes one of these tables
// invalidates after it ran (outside a transaction), or after the COMMIT of its transaction, so that
// no reader can load the old row after the invalidation and keep it. The direct driver's own writes
// to these tables (lib/auth/sessions.ts, lib/auth/api-keys.ts) invalidate where they are made.
import { invalidate } from "./invalidation.ts";

// `UPDATE users SET role = role …` only takes a row lock (lib/users/admin.ts, lib/time/entries.ts).
const NO_OP_LOCK = /\bSET\s+[`"]?role[`"]?\s*=\s*[`"]?role[`"]?\s+WHERE\b/i;
const AUTH_WRITE =
  /^\s*(?:UPDATE|DELETE\s+FROM|INSERT\s+(?:OR\s+\w+\s+)?INTO|REPLACE\s+INTO)\s+(?:[`"]?\w+[`"]?\.)?[`"]?(?:users|sessions|api_keys)[`"]?[\s(]/i;

/** Does this statement change users, sessions or API keys? */
export function writesAuthRows(sql: string): boolean {
  return AUTH_WRITE.test(sql) && !NO_OP_LOCK.test(sql);
}

type Queryable = {
  queryRaw(q: { sql: string }): Promise<unknown>;
  executeRaw(q: { sql: string }): Promise<number>;
};
type Tx = Queryable & { commit(): Promise<void> };
type Adapter = Queryable & { startTransaction(...a: unknown[]): Promise<Tx> };
type Factory = { connect(): Promise<unknown> };

function watchTx(tx: Tx): Tx {
  let wrote = false;
  const queryRaw = tx.queryRaw.bind(tx);
  const executeRaw = tx.executeRaw.bind(tx);
  const commit = tx.commit.bind(tx);
  tx.queryRaw = (q) => {
    if (writesAuthRows(q.sql)) wrote = true;
    return queryRaw(q);
  };
  tx.executeRaw = (q) => {
    if (writesAuthRows(q.sql)) wrote = true;
    return executeRaw(q);
  };
  tx.commit = async () => {
    await commit();
    if (wrote) invalidate("auth");
  };
  return tx;
}

/** Wraps a Prisma driver adapter factory so that its connections report writes to auth rows. */
export function watchAuthWrites<F extends Factory>(factory: F): F {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = (await connect()) as Adapter;
    const queryRaw = adapter.queryRaw.bind(adapter);
    const executeRaw = adapter.executeRaw.bind(adapter);
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.queryRaw = async (q) => {
      const result = await queryRaw(q);
      if (writesAuthRows(q.sql)) invalidate("auth");
      return result;
    };
    adapter.executeRaw = async (q) => {
      const result = await executeRaw(q);
      if (writesAuthRows(q.sql)) invalidate("auth");
      return result;
    };
    adapter.startTransaction = async (...a: unknown[]) => watchTx(await startTransaction(...a));
    return adapter;
  };
  return factory;
}
