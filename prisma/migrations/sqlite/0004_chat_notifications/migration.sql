-- AlterTable
ALTER TABLE "chat_messages" ADD COLUMN "bot_name" TEXT;
ALTER TABLE "chat_messages" ADD COLUMN "edited_at" DATETIME;

-- AlterTable
ALTER TABLE "conversations" ADD COLUMN "dm_key" TEXT;

-- AlterTable
ALTER TABLE "conversation_messages" ADD COLUMN "edited_at" DATETIME;

-- CreateTable
CREATE TABLE "read_markers" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "updated_at" DATETIME NOT NULL,
    "user_id" INTEGER NOT NULL,
    "channel" TEXT NOT NULL,
    "last_read_message_id" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "read_markers_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "notifications" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "user_id" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "actor_id" INTEGER,
    "title" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "read_at" DATETIME,
    "emailed_at" DATETIME,
    CONSTRAINT "notifications_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "notifications_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users" ("id") ON DELETE SET NULL ON UPDATE CASCADE
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
    "notify_email" TEXT NOT NULL DEFAULT 'immediate'
);
INSERT INTO "new_users" ("avatar", "created_at", "deleted_at", "email", "id", "is_active", "language", "last_sign_in_at", "mfa_enabled", "must_change_password", "password_hash", "role", "theme", "totp_last_step", "totp_secret", "updated_at", "username") SELECT "avatar", "created_at", "deleted_at", "email", "id", "is_active", "language", "last_sign_in_at", "mfa_enabled", "must_change_password", "password_hash", "role", "theme", "totp_last_step", "totp_secret", "updated_at", "username" FROM "users";
DROP TABLE "users";
ALTER TABLE "new_users" RENAME TO "users";
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");
CREATE UNIQUE INDEX "users_username_key" ON "users"("username");
CREATE INDEX "users_deleted_at_idx" ON "users"("deleted_at");
CREATE TABLE "new_conversation_members" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "conversation_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,
    "joined_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "left_at" DATETIME,
    CONSTRAINT "conversation_members_conversation_id_fkey" FOREIGN KEY ("conversation_id") REFERENCES "conversations" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "conversation_members_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_conversation_members" ("conversation_id", "created_at", "id", "user_id") SELECT "conversation_id", "created_at", "id", "user_id" FROM "conversation_members";
DROP TABLE "conversation_members";
ALTER TABLE "new_conversation_members" RENAME TO "conversation_members";
CREATE INDEX "conversation_members_user_id_idx" ON "conversation_members"("user_id");
CREATE UNIQUE INDEX "conversation_members_conversation_id_user_id_key" ON "conversation_members"("conversation_id", "user_id");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "read_markers_user_id_channel_key" ON "read_markers"("user_id", "channel");

-- CreateIndex
CREATE INDEX "notifications_user_id_read_at_idx" ON "notifications"("user_id", "read_at");

-- CreateIndex
CREATE INDEX "notifications_user_id_id_idx" ON "notifications"("user_id", "id");

-- CreateIndex
CREATE INDEX "notifications_emailed_at_idx" ON "notifications"("emailed_at");

-- CreateIndex
CREATE UNIQUE INDEX "conversations_dm_key_key" ON "conversations"("dm_key");

