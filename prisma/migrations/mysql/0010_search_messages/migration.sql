-- Search of messages (lib/search), following 0009: FULLTEXT indexes, maintained by InnoDB itself.
CREATE FULLTEXT INDEX `chat_messages_search_idx` ON `chat_messages`(`body`);
CREATE FULLTEXT INDEX `conversation_messages_search_idx` ON `conversation_messages`(`body`);
