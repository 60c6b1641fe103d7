-- Search (lib/search), after 0007 (which redefined cards on SQLite). NOTE for later migrations: SQLite drops a table's triggers with the table, so
-- a migration that redefines one of these tables (Prisma's "RedefineTables") must create its
-- *_fts_ai/_ad/_au triggers again and rebuild its *_fts table.

-- Full-text index of cards (title, description): an FTS5 table over the rows (external content), kept in sync by triggers.
CREATE VIRTUAL TABLE "cards_fts" USING fts5(title, description, content='cards', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
INSERT INTO "cards_fts"("cards_fts") VALUES ('rebuild');
CREATE TRIGGER "cards_fts_ai" AFTER INSERT ON "cards" BEGIN
  INSERT INTO "cards_fts"(rowid, title, description) VALUES (new.id, new.title, new.description);
END;
CREATE TRIGGER "cards_fts_ad" AFTER DELETE ON "cards" BEGIN
  INSERT INTO "cards_fts"("cards_fts", rowid, title, description) VALUES ('delete', old.id, old.title, old.description);
END;
CREATE TRIGGER "cards_fts_au" AFTER UPDATE OF title, description ON "cards" BEGIN
  INSERT INTO "cards_fts"("cards_fts", rowid, title, description) VALUES ('delete', old.id, old.title, old.description);
  INSERT INTO "cards_fts"(rowid, title, description) VALUES (new.id, new.title, new.description);
END;

-- Full-text index of card_comments (body): an FTS5 table over the rows (external content), kept in sync by triggers.
CREATE VIRTUAL TABLE "card_comments_fts" USING fts5(body, content='card_comments', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
INSERT INTO "card_comments_fts"("card_comments_fts") VALUES ('rebuild');
CREATE TRIGGER "card_comments_fts_ai" AFTER INSERT ON "card_comments" BEGIN
  INSERT INTO "card_comments_fts"(rowid, body) VALUES (new.id, new.body);
END;
CREATE TRIGGER "card_comments_fts_ad" AFTER DELETE ON "card_comments" BEGIN
  INSERT INTO "card_comments_fts"("card_comments_fts", rowid, body) VALUES ('delete', old.id, old.body);
END;
CREATE TRIGGER "card_comments_fts_au" AFTER UPDATE OF body ON "card_comments" BEGIN
  INSERT INTO "card_comments_fts"("card_comments_fts", rowid, body) VALUES ('delete', old.id, old.body);
  INSERT INTO "card_comments_fts"(rowid, body) VALUES (new.id, new.body);
END;

-- Full-text index of topics (title, body): an FTS5 table over the rows (external content), kept in sync by triggers.
CREATE VIRTUAL TABLE "topics_fts" USING fts5(title, body, content='topics', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
INSERT INTO "topics_fts"("topics_fts") VALUES ('rebuild');
CREATE TRIGGER "topics_fts_ai" AFTER INSERT ON "topics" BEGIN
  INSERT INTO "topics_fts"(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER "topics_fts_ad" AFTER DELETE ON "topics" BEGIN
  INSERT INTO "topics_fts"("topics_fts", rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;
CREATE TRIGGER "topics_fts_au" AFTER UPDATE OF title, body ON "topics" BEGIN
  INSERT INTO "topics_fts"("topics_fts", rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
  INSERT INTO "topics_fts"(rowid, title, body) VALUES (new.id, new.title, new.body);
END;

-- Full-text index of topic_replies (body): an FTS5 table over the rows (external content), kept in sync by triggers.
CREATE VIRTUAL TABLE "topic_replies_fts" USING fts5(body, content='topic_replies', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
INSERT INTO "topic_replies_fts"("topic_replies_fts") VALUES ('rebuild');
CREATE TRIGGER "topic_replies_fts_ai" AFTER INSERT ON "topic_replies" BEGIN
  INSERT INTO "topic_replies_fts"(rowid, body) VALUES (new.id, new.body);
END;
CREATE TRIGGER "topic_replies_fts_ad" AFTER DELETE ON "topic_replies" BEGIN
  INSERT INTO "topic_replies_fts"("topic_replies_fts", rowid, body) VALUES ('delete', old.id, old.body);
END;
CREATE TRIGGER "topic_replies_fts_au" AFTER UPDATE OF body ON "topic_replies" BEGIN
  INSERT INTO "topic_replies_fts"("topic_replies_fts", rowid, body) VALUES ('delete', old.id, old.body);
  INSERT INTO "topic_replies_fts"(rowid, body) VALUES (new.id, new.body);
END;
