// Every write to rows that a per-process cache holds (lib/cache/invalidation.ts) invalidates its
// topic, wherever it is written from: Prisma's model calls, its raw SQL, administration, imports,
// password resets. Rather than trusting each call site to remember, the driver adapter under
// Prisma's client is watched: a statement that changes a watched table invalidates its topic after
// it ran (outside a transaction), or after the COMMIT of its transaction, so that no reader can load
// the old row after the invalidation and keep it. The direct driver's (lib/db/direct.ts) own writes
// to these tables invalidate where they are made (lib/auth/sessions.ts), or change nothing cached
// (the card counter, last-used times).
import { invalidate, type Topic } from "./invalidation.ts";

const TABLE_TOPICS: Record<string, Topic> = {
  users: "auth",
  sessions: "auth",
  api_keys: "auth",
  projects: "access",
  project_members: "access",
  group_project_access: "access",
  group_members: "access",
  groups: "access",
  project_slug_redirects: "access",
  outbound_webhooks: "webhooks",
};

// Statements that only take a row lock (`UPDATE users SET role = role …`, `card_counter = card_counter`).
const NO_OP_LOCK = /\bSET\s+[`"]?(\w+)[`"]?\s*=\s*[`"]?\1[`"]?\s+WHERE\b/i;
const WRITE =
  /^\s*(?:UPDATE|DELETE\s+FROM|INSERT\s+(?:OR\s+\w+\s+)?INTO|REPLACE\s+INTO)\s+(?:[`"]?\w+[`"]?\.)?[`"]?(\w+)[`"]?[\s(]/i;

/** The cache topic a statement invalidates (it changes a watched table), or null. */
export function topicOfWrite(sql: string): Topic | null {
  const m = WRITE.exec(sql);
  if (!m) return null;
  const topic = TABLE_TOPICS[m[1].toLowerCase()];
  return topic && !NO_OP_LOCK.test(sql) ? topic : null;
}

/** Does this statement change users, sessions or API keys? */
export function writesAuthRows(sql: string): boolean {
  return topicOfWrite(sql) === "auth";
}

type Queryable = {
  queryRaw(q: { sql: string }): Promise<unknown>;
  executeRaw(q: { sql: string }): Promise<number>;
};
type Tx = Queryable & { commit(): Promise<void> };
type Adapter = Queryable & { startTransaction(...a: unknown[]): Promise<Tx> };
type Factory = { connect(): Promise<unknown> };

/** Wraps a connection's raw-statement methods: `wrote(topic)` after each statement that changed a watched table. */
function watchStatements(q: Queryable, wrote: (topic: Topic) => void): void {
  const queryRaw = q.queryRaw.bind(q);
  const executeRaw = q.executeRaw.bind(q);
  const seen = <T>(sql: string, result: T): T => {
    const topic = topicOfWrite(sql);
    if (topic) wrote(topic);
    return result;
  };
  q.queryRaw = async (x) => seen(x.sql, await queryRaw(x));
  q.executeRaw = async (x) => seen(x.sql, await executeRaw(x));
}

/** A transaction's writes invalidate after its COMMIT, so no reader keeps a row read before it. */
function watchTx(tx: Tx): Tx {
  const wrote = new Set<Topic>();
  watchStatements(tx, (topic) => wrote.add(topic));
  const commit = tx.commit.bind(tx);
  tx.commit = async () => {
    await commit();
    if (wrote.size) invalidate(...wrote);
  };
  return tx;
}

/** Wraps a Prisma driver adapter factory so that its connections report writes to watched tables. */
export function watchWrites<F extends Factory>(factory: F): F {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = (await connect()) as Adapter;
    watchStatements(adapter, (topic) => invalidate(topic));
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (...a: unknown[]) => watchTx(await startTransaction(...a));
    return adapter;
  };
  return factory;
}
