-- Search of messages (lib/search), following 0009: a generated tsvector ('simple') with a GIN index on
-- chat_messages and conversation_messages. Not in schema.prisma: the app never reads or writes these columns through Prisma.
ALTER TABLE "chat_messages" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (to_tsvector('simple', coalesce("body", ''))) STORED;
CREATE INDEX "chat_messages_search_vector_idx" ON "chat_messages" USING GIN ("search_vector");
ALTER TABLE "conversation_messages" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (to_tsvector('simple', coalesce("body", ''))) STORED;
CREATE INDEX "conversation_messages_search_vector_idx" ON "conversation_messages" USING GIN ("search_vector");
