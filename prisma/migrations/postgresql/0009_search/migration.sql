-- Search (lib/search), after 0007 (which redefined cards on SQLite): a generated tsvector per searchable table ('simple': no stemming, so that
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
