-- DropIndex
DROP INDEX "topics_project_id_pinned_updated_at_idx";

-- AlterTable
ALTER TABLE "topics" ADD COLUMN     "edited_at" TIMESTAMP(3),
ADD COLUMN     "last_activity_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "reply_count" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "topic_replies" ADD COLUMN     "edited_at" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "topics_project_id_pinned_last_activity_at_idx" ON "topics"("project_id", "pinned", "last_activity_at");

UPDATE "topics" SET "last_activity_at" = "created_at",
  "reply_count" = (SELECT COUNT(*) FROM "topic_replies" r WHERE r."topic_id" = "topics"."id" AND r."deleted_at" IS NULL);
