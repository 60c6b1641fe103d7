-- CreateTable
CREATE TABLE "billing_rates" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "scope_key" TEXT NOT NULL,
    "customer_id" INTEGER,
    "contract_id" INTEGER,
    "project_id" INTEGER,
    "user_id" INTEGER,
    "valid_from" DATETIME NOT NULL,
    "rate_minor" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "created_by" INTEGER,
    CONSTRAINT "billing_rates_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "billing_rates_contract_id_fkey" FOREIGN KEY ("contract_id") REFERENCES "contracts" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "billing_rates_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "billing_rates_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "invoice_exports" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "customer_id" INTEGER NOT NULL,
    "contract_id" INTEGER,
    "from_date" DATETIME NOT NULL,
    "to_date" DATETIME NOT NULL,
    "currency" TEXT NOT NULL,
    "entry_count" INTEGER NOT NULL,
    "total_minutes" INTEGER NOT NULL,
    "total_minor" BIGINT NOT NULL,
    "created_by" INTEGER,
    "voided_at" DATETIME,
    "voided_by" INTEGER,
    CONSTRAINT "invoice_exports_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "invoice_exports_contract_id_fkey" FOREIGN KEY ("contract_id") REFERENCES "contracts" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "contract_owners" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "contract_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,
    CONSTRAINT "contract_owners_contract_id_fkey" FOREIGN KEY ("contract_id") REFERENCES "contracts" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "contract_owners_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "contract_alerts" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "contract_id" INTEGER NOT NULL,
    "period_start" DATETIME NOT NULL,
    "threshold" INTEGER NOT NULL,
    CONSTRAINT "contract_alerts_contract_id_fkey" FOREIGN KEY ("contract_id") REFERENCES "contracts" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "card_reminders" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "card_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "due_date" DATETIME NOT NULL,
    CONSTRAINT "card_reminders_card_id_fkey" FOREIGN KEY ("card_id") REFERENCES "cards" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "calendar_feeds" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "scope_key" TEXT NOT NULL,
    "user_id" INTEGER NOT NULL,
    "project_id" INTEGER,
    "token_hash" TEXT NOT NULL,
    "last_used_at" DATETIME,
    CONSTRAINT "calendar_feeds_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "calendar_feeds_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "outbound_webhooks" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" DATETIME NOT NULL,
    "project_id" INTEGER,
    "name" TEXT,
    "url" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "events" TEXT NOT NULL,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "created_by" INTEGER,
    CONSTRAINT "outbound_webhooks_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "outbound_deliveries" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "webhook_id" INTEGER NOT NULL,
    "event_id" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "order_key" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" DATETIME NOT NULL,
    "locked_until" DATETIME,
    "last_attempt_at" DATETIME,
    "response_code" INTEGER,
    "error" TEXT,
    "resent_from_id" INTEGER,
    CONSTRAINT "outbound_deliveries_webhook_id_fkey" FOREIGN KEY ("webhook_id") REFERENCES "outbound_webhooks" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "outbound_attempts" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "delivery_id" INTEGER NOT NULL,
    "response_code" INTEGER,
    "duration_ms" INTEGER NOT NULL,
    "error" TEXT,
    "response_body" TEXT,
    CONSTRAINT "outbound_attempts_delivery_id_fkey" FOREIGN KEY ("delivery_id") REFERENCES "outbound_deliveries" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_users" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" DATETIME NOT NULL,
    "deleted_at" DATETIME,
    "email" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'user',
    "language" TEXT NOT NULL DEFAULT 'en',
    "theme" TEXT NOT NULL DEFAULT 'system',
    "avatar" TEXT,
    "mfa_enabled" BOOLEAN NOT NULL DEFAULT false,
    "totp_secret" TEXT,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "must_change_password" BOOLEAN NOT NULL DEFAULT false,
    "totp_last_step" INTEGER,
    "last_sign_in_at" DATETIME,
    "notify_email" TEXT NOT NULL DEFAULT 'immediate',
    "display_name" TEXT,
    "due_reminder_days" INTEGER NOT NULL DEFAULT 1,
    "time_zone" TEXT NOT NULL DEFAULT 'UTC'
);
INSERT INTO "new_users" ("avatar", "created_at", "deleted_at", "display_name", "email", "id", "is_active", "language", "last_sign_in_at", "mfa_enabled", "must_change_password", "notify_email", "password_hash", "role", "theme", "totp_last_step", "totp_secret", "updated_at", "username") SELECT "avatar", "created_at", "deleted_at", "display_name", "email", "id", "is_active", "language", "last_sign_in_at", "mfa_enabled", "must_change_password", "notify_email", "password_hash", "role", "theme", "totp_last_step", "totp_secret", "updated_at", "username" FROM "users";
DROP TABLE "users";
ALTER TABLE "new_users" RENAME TO "users";
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");
CREATE UNIQUE INDEX "users_username_key" ON "users"("username");
CREATE INDEX "users_deleted_at_idx" ON "users"("deleted_at");
CREATE TABLE "new_projects" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" DATETIME NOT NULL,
    "deleted_at" DATETIME,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "description" TEXT,
    "key" TEXT NOT NULL,
    "card_counter" INTEGER NOT NULL DEFAULT 0,
    "type" TEXT NOT NULL DEFAULT 'kanban',
    "customer_id" INTEGER,
    "color" TEXT,
    "is_archived" BOOLEAN NOT NULL DEFAULT false,
    "billable_default" BOOLEAN NOT NULL DEFAULT true,
    CONSTRAINT "projects_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_projects" ("card_counter", "color", "created_at", "customer_id", "deleted_at", "description", "id", "is_archived", "key", "name", "slug", "type", "updated_at") SELECT "card_counter", "color", "created_at", "customer_id", "deleted_at", "description", "id", "is_archived", "key", "name", "slug", "type", "updated_at" FROM "projects";
DROP TABLE "projects";
ALTER TABLE "new_projects" RENAME TO "projects";
CREATE UNIQUE INDEX "projects_slug_key" ON "projects"("slug");
CREATE INDEX "projects_customer_id_idx" ON "projects"("customer_id");
CREATE INDEX "projects_deleted_at_idx" ON "projects"("deleted_at");
CREATE TABLE "new_customers" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" DATETIME NOT NULL,
    "deleted_at" DATETIME,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "description" TEXT,
    "contact" TEXT,
    "color" TEXT,
    "email" TEXT,
    "phone" TEXT,
    "address" TEXT,
    "is_archived" BOOLEAN NOT NULL DEFAULT false,
    "currency" TEXT NOT NULL DEFAULT 'EUR'
);
INSERT INTO "new_customers" ("address", "color", "contact", "created_at", "deleted_at", "description", "email", "id", "is_archived", "name", "phone", "slug", "updated_at") SELECT "address", "color", "contact", "created_at", "deleted_at", "description", "email", "id", "is_archived", "name", "phone", "slug", "updated_at" FROM "customers";
DROP TABLE "customers";
ALTER TABLE "new_customers" RENAME TO "customers";
CREATE UNIQUE INDEX "customers_slug_key" ON "customers"("slug");
CREATE INDEX "customers_deleted_at_idx" ON "customers"("deleted_at");
CREATE TABLE "new_contracts" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" DATETIME NOT NULL,
    "deleted_at" DATETIME,
    "customer_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "start_date" DATETIME,
    "end_date" DATETIME,
    "contracted_minutes" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'active',
    "recurrence" TEXT NOT NULL DEFAULT 'none',
    "budget_kind" TEXT NOT NULL DEFAULT 'hours',
    "budget_minor" BIGINT NOT NULL DEFAULT 0,
    "carry_over" BOOLEAN NOT NULL DEFAULT false,
    "alert_thresholds" TEXT NOT NULL DEFAULT '80,100',
    CONSTRAINT "contracts_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_contracts" ("contracted_minutes", "created_at", "customer_id", "deleted_at", "description", "end_date", "id", "name", "start_date", "status", "updated_at") SELECT "contracted_minutes", "created_at", "customer_id", "deleted_at", "description", "end_date", "id", "name", "start_date", "status", "updated_at" FROM "contracts";
DROP TABLE "contracts";
ALTER TABLE "new_contracts" RENAME TO "contracts";
CREATE INDEX "contracts_customer_id_idx" ON "contracts"("customer_id");
CREATE TABLE "new_time_entries" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" DATETIME NOT NULL,
    "user_id" INTEGER NOT NULL,
    "customer_id" INTEGER,
    "project_id" INTEGER,
    "card_id" INTEGER,
    "contract_id" INTEGER,
    "date" DATETIME NOT NULL,
    "minutes" INTEGER NOT NULL,
    "description" TEXT,
    "billable" BOOLEAN NOT NULL DEFAULT true,
    "rate_minor" INTEGER,
    "currency" TEXT,
    "amount_minor" BIGINT NOT NULL DEFAULT 0,
    "invoice_id" INTEGER,
    CONSTRAINT "time_entries_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "time_entries_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "time_entries_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "time_entries_card_id_fkey" FOREIGN KEY ("card_id") REFERENCES "cards" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "time_entries_contract_id_fkey" FOREIGN KEY ("contract_id") REFERENCES "contracts" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "time_entries_invoice_id_fkey" FOREIGN KEY ("invoice_id") REFERENCES "invoice_exports" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_time_entries" ("card_id", "contract_id", "created_at", "customer_id", "date", "description", "id", "minutes", "project_id", "updated_at", "user_id") SELECT "card_id", "contract_id", "created_at", "customer_id", "date", "description", "id", "minutes", "project_id", "updated_at", "user_id" FROM "time_entries";
DROP TABLE "time_entries";
ALTER TABLE "new_time_entries" RENAME TO "time_entries";
CREATE INDEX "time_entries_invoice_id_idx" ON "time_entries"("invoice_id");
CREATE INDEX "time_entries_user_id_date_idx" ON "time_entries"("user_id", "date");
CREATE INDEX "time_entries_contract_id_date_idx" ON "time_entries"("contract_id", "date");
CREATE INDEX "time_entries_customer_id_date_idx" ON "time_entries"("customer_id", "date");
CREATE INDEX "time_entries_project_id_date_idx" ON "time_entries"("project_id", "date");
CREATE INDEX "time_entries_card_id_idx" ON "time_entries"("card_id");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "billing_rates_customer_id_idx" ON "billing_rates"("customer_id");

-- CreateIndex
CREATE INDEX "billing_rates_contract_id_idx" ON "billing_rates"("contract_id");

-- CreateIndex
CREATE INDEX "billing_rates_project_id_idx" ON "billing_rates"("project_id");

-- CreateIndex
CREATE INDEX "billing_rates_user_id_idx" ON "billing_rates"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "billing_rates_scope_key_valid_from_key" ON "billing_rates"("scope_key", "valid_from");

-- CreateIndex
CREATE INDEX "invoice_exports_customer_id_created_at_idx" ON "invoice_exports"("customer_id", "created_at");

-- CreateIndex
CREATE INDEX "invoice_exports_contract_id_idx" ON "invoice_exports"("contract_id");

-- CreateIndex
CREATE INDEX "contract_owners_user_id_idx" ON "contract_owners"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "contract_owners_contract_id_user_id_key" ON "contract_owners"("contract_id", "user_id");

-- CreateIndex
CREATE UNIQUE INDEX "contract_alerts_contract_id_period_start_threshold_key" ON "contract_alerts"("contract_id", "period_start", "threshold");

-- CreateIndex
CREATE INDEX "card_reminders_user_id_idx" ON "card_reminders"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "card_reminders_card_id_user_id_kind_due_date_key" ON "card_reminders"("card_id", "user_id", "kind", "due_date");

-- CreateIndex
CREATE UNIQUE INDEX "calendar_feeds_scope_key_key" ON "calendar_feeds"("scope_key");

-- CreateIndex
CREATE UNIQUE INDEX "calendar_feeds_token_hash_key" ON "calendar_feeds"("token_hash");

-- CreateIndex
CREATE INDEX "calendar_feeds_user_id_idx" ON "calendar_feeds"("user_id");

-- CreateIndex
CREATE INDEX "calendar_feeds_project_id_idx" ON "calendar_feeds"("project_id");

-- CreateIndex
CREATE INDEX "outbound_webhooks_project_id_idx" ON "outbound_webhooks"("project_id");

-- CreateIndex
CREATE INDEX "outbound_deliveries_status_next_attempt_at_idx" ON "outbound_deliveries"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "outbound_deliveries_webhook_id_order_key_id_idx" ON "outbound_deliveries"("webhook_id", "order_key", "id");

-- CreateIndex
CREATE INDEX "outbound_attempts_delivery_id_idx" ON "outbound_attempts"("delivery_id");


-- Entries without a customer have no one to bill.
UPDATE "time_entries" SET "billable" = false WHERE "customer_id" IS NULL;
