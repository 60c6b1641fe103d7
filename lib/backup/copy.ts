// Copying a whole WarmDesk database row by row through Prisma, engine to engine: the portable
// backup (rows as JSON lines), its restore, and `warmdesk transfer`. Prisma's clients convert each
// engine's values (booleans, dates) both ways, and only the schema's columns are copied (generated
// search columns and full-text tables fill themselves on the target).
import type { Db } from "../db/client.ts";
import type { Engine } from "../db/engine.ts";

/** Every model and its table, parents before the rows that reference them. test/backup checks that none is missing. */
export const TABLES = {
  User: "users",
  UserIdentity: "user_identities",
  MfaRecoveryCode: "mfa_recovery_codes",
  LoginThrottle: "login_throttles",
  PasswordResetToken: "password_reset_tokens",
  Session: "sessions",
  Customer: "customers",
  Project: "projects",
  ApiKey: "api_keys",
  ProjectSlugRedirect: "project_slug_redirects",
  ProjectMember: "project_members",
  Column: "columns",
  Card: "cards",
  CardAssignee: "card_assignees",
  Label: "labels",
  CardLabel: "card_labels",
  CardChecklistItem: "card_checklist_items",
  CardComment: "card_comments",
  CardReference: "card_references",
  CardHistory: "card_history",
  Contract: "contracts",
  ContractOwner: "contract_owners",
  ContractAlert: "contract_alerts",
  BillingRate: "billing_rates",
  InvoiceExport: "invoice_exports",
  CustomerFavorite: "customer_favorites",
  CustomerAccess: "customer_access",
  UserGroup: "user_groups",
  GroupMember: "group_members",
  GroupProjectAccess: "group_project_access",
  GroupCustomerAccess: "group_customer_access",
  Sprint: "sprints",
  SprintCard: "sprint_cards",
  SprintChange: "sprint_changes",
  TimeEntry: "time_entries",
  CardReminder: "card_reminders",
  CalendarFeed: "calendar_feeds",
  RunningTimer: "running_timers",
  Topic: "topics",
  TopicReply: "topic_replies",
  ChatMessage: "chat_messages",
  Conversation: "conversations",
  ConversationMember: "conversation_members",
  ConversationMessage: "conversation_messages",
  ReadMarker: "read_markers",
  Notification: "notifications",
  Attachment: "attachments",
  CardLink: "card_links",
  ProjectWebhook: "project_webhooks",
  WebhookDelivery: "webhook_deliveries",
  OutboundWebhook: "outbound_webhooks",
  OutboundDelivery: "outbound_deliveries",
  OutboundAttempt: "outbound_attempts",
  ApiRateWindow: "api_rate_windows",
  SystemSetting: "system_settings",
  AuditLog: "audit_logs",
  ImportItem: "import_items",
  IdempotencyKey: "idempotency_keys",
} as const;
export type Model = keyof typeof TABLES;
export const MODELS = Object.keys(TABLES) as Model[];

/** Columns that reference their own table: written in a second pass, once every row exists. */
const SELF_REFERENCES: Partial<Record<Model, string[]>> = { Card: ["parentCardId"] };

const BATCH = 500;

type Delegate = {
  findMany(args: unknown): Promise<Record<string, unknown>[]>;
  createMany(args: { data: Record<string, unknown>[] }): Promise<{ count: number }>;
  update(args: unknown): Promise<unknown>;
  count(): Promise<number>;
};
export const delegate = (db: Db | object, model: Model) =>
  (db as unknown as Record<string, Delegate>)[model[0].toLowerCase() + model.slice(1)];

export const tableOf = (model: Model): string => TABLES[model];

export type RowCounts = Record<string, number>;

export async function countRows(db: Db | object): Promise<RowCounts> {
  const counts: RowCounts = {};
  for (const model of MODELS) counts[model] = await delegate(db, model).count();
  return counts;
}

/** Reads every row of every model, in pages by id, from `db` (a client or an open transaction). */
export async function* readRows(db: Db | object): AsyncGenerator<{ model: Model; rows: Record<string, unknown>[] }> {
  for (const model of MODELS) {
    let last = 0;
    for (;;) {
      const rows = await delegate(db, model).findMany({ where: { id: { gt: last } }, orderBy: { id: "asc" }, take: BATCH });
      if (rows.length === 0) break;
      yield { model, rows };
      last = Number(rows[rows.length - 1].id);
      if (rows.length < BATCH) break;
    }
  }
}

/** Writes pages of rows (from readRows or a backup) into an empty, migrated database. */
export async function writeRows(
  db: Db,
  pages: AsyncIterable<{ model: Model; rows: Record<string, unknown>[] }>,
  onProgress?: (model: Model, rows: number) => void,
): Promise<void> {
  const later: { model: Model; id: unknown; data: Record<string, unknown> }[] = [];
  for await (const { model, rows } of pages) {
    const self = SELF_REFERENCES[model] ?? [];
    const data = rows.map((row) => {
      if (self.length === 0) return row;
      const copy = { ...row };
      const deferred: Record<string, unknown> = {};
      for (const field of self) {
        if (copy[field] !== null && copy[field] !== undefined) deferred[field] = copy[field];
        copy[field] = null;
      }
      if (Object.keys(deferred).length) later.push({ model, id: row.id, data: deferred });
      return copy;
    });
    await delegate(db, model).createMany({ data });
    onProgress?.(model, rows.length);
  }
  for (const { model, id, data } of later) await delegate(db, model).update({ where: { id }, data });
}

/** Moves each table's id sequence past its highest id (PostgreSQL; MySQL and SQLite follow inserted ids, set anyway). */
export async function resetSequences(db: Db, engine: Engine): Promise<void> {
  if (engine === "sqlite") return;
  for (const model of MODELS) {
    const table = tableOf(model);
    if (engine === "postgresql") {
      await db.$executeRawUnsafe(
        `SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), COALESCE((SELECT MAX(id) FROM "${table}"), 0) + 1, false)`,
      );
    } else {
      const [{ next }] = await db.$queryRawUnsafe<{ next: unknown }[]>(
        `SELECT COALESCE(MAX(id), 0) + 1 AS next FROM \`${table}\``,
      );
      await db.$executeRawUnsafe(`ALTER TABLE \`${table}\` AUTO_INCREMENT = ${Number(next)}`);
    }
  }
}
