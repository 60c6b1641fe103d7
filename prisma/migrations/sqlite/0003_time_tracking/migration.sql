-- CreateTable
CREATE TABLE "running_timers" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" DATETIME NOT NULL,
    "user_id" INTEGER NOT NULL,
    "started_at" DATETIME NOT NULL,
    "date" DATETIME NOT NULL,
    "customer_id" INTEGER,
    "project_id" INTEGER,
    "card_id" INTEGER,
    "contract_id" INTEGER,
    "description" TEXT,
    CONSTRAINT "running_timers_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "running_timers_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "running_timers_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "running_timers_card_id_fkey" FOREIGN KEY ("card_id") REFERENCES "cards" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "running_timers_contract_id_fkey" FOREIGN KEY ("contract_id") REFERENCES "contracts" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
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
    "is_archived" BOOLEAN NOT NULL DEFAULT false
);
INSERT INTO "new_customers" ("color", "contact", "created_at", "deleted_at", "description", "id", "name", "slug", "updated_at") SELECT "color", "contact", "created_at", "deleted_at", "description", "id", "name", "slug", "updated_at" FROM "customers";
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
    CONSTRAINT "contracts_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- The contracted hours become minutes (written by hand: Prisma's generated copy dropped them).
INSERT INTO "new_contracts" ("created_at", "customer_id", "deleted_at", "description", "end_date", "id", "name", "start_date", "status", "updated_at", "contracted_minutes") SELECT "created_at", "customer_id", "deleted_at", "description", "end_date", "id", "name", "start_date", "status", "updated_at", CAST(ROUND("hours" * 60) AS INTEGER) FROM "contracts";
DROP TABLE "contracts";
ALTER TABLE "new_contracts" RENAME TO "contracts";
CREATE INDEX "contracts_customer_id_idx" ON "contracts"("customer_id");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "running_timers_user_id_key" ON "running_timers"("user_id");

-- CreateIndex
CREATE INDEX "running_timers_customer_id_idx" ON "running_timers"("customer_id");

-- CreateIndex
CREATE INDEX "running_timers_project_id_idx" ON "running_timers"("project_id");

-- CreateIndex
CREATE INDEX "running_timers_card_id_idx" ON "running_timers"("card_id");

-- CreateIndex
CREATE INDEX "running_timers_contract_id_idx" ON "running_timers"("contract_id");

