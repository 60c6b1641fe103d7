-- AlterTable
ALTER TABLE "topic_replies" ADD COLUMN "edited_at" DATETIME;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_topics" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" DATETIME NOT NULL,
    "deleted_at" DATETIME,
    "project_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "pinned" BOOLEAN NOT NULL DEFAULT false,
    "locked" BOOLEAN NOT NULL DEFAULT false,
    "last_activity_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reply_count" INTEGER NOT NULL DEFAULT 0,
    "edited_at" DATETIME,
    CONSTRAINT "topics_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "topics_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_topics" ("body", "created_at", "deleted_at", "id", "locked", "pinned", "project_id", "title", "updated_at", "user_id", "last_activity_at", "reply_count") SELECT "body", "created_at", "deleted_at", "id", "locked", "pinned", "project_id", "title", "updated_at", "user_id", "created_at", (SELECT COUNT(*) FROM "topic_replies" r WHERE r."topic_id" = "topics"."id" AND r."deleted_at" IS NULL) FROM "topics";
DROP TABLE "topics";
ALTER TABLE "new_topics" RENAME TO "topics";
CREATE INDEX "topics_project_id_pinned_last_activity_at_idx" ON "topics"("project_id", "pinned", "last_activity_at");
CREATE INDEX "topics_user_id_idx" ON "topics"("user_id");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
