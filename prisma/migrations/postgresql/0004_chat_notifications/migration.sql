-- AlterTable
ALTER TABLE "users" ADD COLUMN     "notify_email" VARCHAR(191) NOT NULL DEFAULT 'immediate';

-- AlterTable
ALTER TABLE "chat_messages" ADD COLUMN     "bot_name" VARCHAR(191),
ADD COLUMN     "edited_at" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "conversations" ADD COLUMN     "dm_key" VARCHAR(191);

-- AlterTable
ALTER TABLE "conversation_members" ADD COLUMN     "joined_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "left_at" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "conversation_messages" ADD COLUMN     "edited_at" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "read_markers" (
    "id" SERIAL NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "user_id" INTEGER NOT NULL,
    "channel" VARCHAR(191) NOT NULL,
    "last_read_message_id" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "read_markers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notifications" (
    "id" SERIAL NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "user_id" INTEGER NOT NULL,
    "type" VARCHAR(191) NOT NULL,
    "actor_id" INTEGER,
    "title" VARCHAR(191) NOT NULL,
    "text" TEXT NOT NULL,
    "url" VARCHAR(191) NOT NULL,
    "read_at" TIMESTAMP(3),
    "emailed_at" TIMESTAMP(3),

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

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

-- AddForeignKey
ALTER TABLE "read_markers" ADD CONSTRAINT "read_markers_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

