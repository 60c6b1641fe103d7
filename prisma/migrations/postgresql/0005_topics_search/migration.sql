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

-- Search (lib/search): a generated tsvector per searchable table ('simple': no stemming, so that
-- what matches is what the highlighter marks), with a GIN index. Not in schema.prisma: the app
-- never reads or writes these columns through Prisma.
ALTER TABLE "cards" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('simple', coalesce("title", '')), 'A') || setweight(to_tsvector('simple', coalesce("description", '')), 'B')) STORED;
CREATE INDEX "cards_search_vector_idx" ON "cards" USING GIN ("search_vector");
ALTER TABLE "card_comments" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (to_tsvector('simple', coalesce("body", ''))) STORED;
CREATE INDEX "card_comments_search_vector_idx" ON "card_comments" USING GIN ("search_vector");
ALTER TABLE "topics" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('simple', coalesce("title", '')), 'A') || setweight(to_tsvector('simple', coalesce("body", '')), 'B')) STORED;
CREATE INDEX "topics_search_vector_idx" ON "topics" USING GIN ("search_vector");
ALTER TABLE "topic_replies" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (to_tsvector('simple', coalesce("body", ''))) STORED;
CREATE INDEX "topic_replies_search_vector_idx" ON "topic_replies" USING GIN ("search_vector");
