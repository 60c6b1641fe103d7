-- Search (lib/search), after 0007 (which redefined cards on SQLite): FULLTEXT indexes, maintained by InnoDB itself.
CREATE FULLTEXT INDEX `cards_search_idx` ON `cards`(`title`, `description`);
CREATE FULLTEXT INDEX `card_comments_search_idx` ON `card_comments`(`body`);
CREATE FULLTEXT INDEX `topics_search_idx` ON `topics`(`title`, `body`);
CREATE FULLTEXT INDEX `topic_replies_search_idx` ON `topic_replies`(`body`);
