-- CreateTable
CREATE TABLE "sprint_changes" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "created_at" DATETIME NOT NULL,
    "sprint_id" INTEGER NOT NULL,
    "card_id" INTEGER NOT NULL,
    "user_id" INTEGER,
    "kind" TEXT NOT NULL,
    "in_sprint" BOOLEAN NOT NULL,
    "points" INTEGER NOT NULL,
    "is_done" BOOLEAN NOT NULL,
    CONSTRAINT "sprint_changes_sprint_id_fkey" FOREIGN KEY ("sprint_id") REFERENCES "sprints" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "sprint_changes_card_id_fkey" FOREIGN KEY ("card_id") REFERENCES "cards" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "sprint_changes_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_columns" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" DATETIME NOT NULL,
    "project_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "position" REAL NOT NULL,
    "wip_limit" INTEGER NOT NULL DEFAULT 0,
    "color" TEXT,
    "is_done" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "columns_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_columns" ("color", "created_at", "id", "name", "position", "project_id", "updated_at", "wip_limit") SELECT "color", "created_at", "id", "name", "position", "project_id", "updated_at", "wip_limit" FROM "columns";
DROP TABLE "columns";
ALTER TABLE "new_columns" RENAME TO "columns";
CREATE INDEX "columns_project_id_position_idx" ON "columns"("project_id", "position");
CREATE TABLE "new_cards" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" DATETIME NOT NULL,
    "deleted_at" DATETIME,
    "column_id" INTEGER NOT NULL,
    "project_id" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "position" REAL NOT NULL,
    "priority" TEXT NOT NULL DEFAULT 'medium',
    "type" TEXT NOT NULL DEFAULT 'task',
    "due_date" DATETIME,
    "estimate_hours" REAL NOT NULL DEFAULT 0,
    "number" INTEGER NOT NULL,
    "story_points" INTEGER NOT NULL DEFAULT 0,
    "parent_card_id" INTEGER,
    "created_by" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "backlog_rank" REAL NOT NULL DEFAULT 0,
    CONSTRAINT "cards_column_id_fkey" FOREIGN KEY ("column_id") REFERENCES "columns" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "cards_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "cards_parent_card_id_fkey" FOREIGN KEY ("parent_card_id") REFERENCES "cards" ("id") ON DELETE SET NULL ON UPDATE NO ACTION,
    CONSTRAINT "cards_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "users" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_cards" ("column_id", "created_at", "created_by", "deleted_at", "description", "due_date", "estimate_hours", "id", "number", "parent_card_id", "position", "priority", "project_id", "story_points", "title", "type", "updated_at", "version") SELECT "column_id", "created_at", "created_by", "deleted_at", "description", "due_date", "estimate_hours", "id", "number", "parent_card_id", "position", "priority", "project_id", "story_points", "title", "type", "updated_at", "version" FROM "cards";
DROP TABLE "cards";
ALTER TABLE "new_cards" RENAME TO "cards";
CREATE INDEX "cards_column_id_position_idx" ON "cards"("column_id", "position");
CREATE INDEX "cards_project_id_backlog_rank_idx" ON "cards"("project_id", "backlog_rank");
CREATE INDEX "cards_parent_card_id_idx" ON "cards"("parent_card_id");
CREATE INDEX "cards_created_by_idx" ON "cards"("created_by");
CREATE UNIQUE INDEX "cards_project_id_number_key" ON "cards"("project_id", "number");
CREATE TABLE "new_sprints" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" DATETIME NOT NULL,
    "project_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "goal" TEXT,
    "start_date" DATETIME,
    "end_date" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'planned',
    "started_at" DATETIME,
    "completed_at" DATETIME,
    "committed_points" INTEGER NOT NULL DEFAULT 0,
    "completed_points" INTEGER NOT NULL DEFAULT 0,
    "active_project_id" INTEGER,
    CONSTRAINT "sprints_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_sprints" ("created_at", "end_date", "goal", "id", "name", "project_id", "start_date", "status", "updated_at") SELECT "created_at", "end_date", "goal", "id", "name", "project_id", "start_date", "status", "updated_at" FROM "sprints";
DROP TABLE "sprints";
ALTER TABLE "new_sprints" RENAME TO "sprints";
CREATE UNIQUE INDEX "sprints_active_project_id_key" ON "sprints"("active_project_id");
CREATE INDEX "sprints_project_id_status_idx" ON "sprints"("project_id", "status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "sprint_changes_sprint_id_created_at_idx" ON "sprint_changes"("sprint_id", "created_at");

-- CreateIndex
CREATE INDEX "sprint_changes_card_id_idx" ON "sprint_changes"("card_id");

-- CreateIndex
CREATE INDEX "sprint_changes_user_id_idx" ON "sprint_changes"("user_id");


-- Existing cards keep their creation order in the backlog.
UPDATE cards SET backlog_rank = number * 1024;
