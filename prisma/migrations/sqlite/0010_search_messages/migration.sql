-- Search of messages (lib/search), following 0009: project chat messages and conversation (DM/group) messages.
-- NOTE for later migrations: SQLite drops a table's triggers with the table, so a migration that
-- redefines one of these tables must create its *_fts_ai/_ad/_au triggers again and rebuild its *_fts table.

-- Full-text index of chat_messages (body): an FTS5 table over the rows (external content), kept in sync by triggers.
CREATE VIRTUAL TABLE "chat_messages_fts" USING fts5(body, content='chat_messages', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
INSERT INTO "chat_messages_fts"("chat_messages_fts") VALUES ('rebuild');
CREATE TRIGGER "chat_messages_fts_ai" AFTER INSERT ON "chat_messages" BEGIN
  INSERT INTO "chat_messages_fts"(rowid, body) VALUES (new.id, new.body);
END;
CREATE TRIGGER "chat_messages_fts_ad" AFTER DELETE ON "chat_messages" BEGIN
  INSERT INTO "chat_messages_fts"("chat_messages_fts", rowid, body) VALUES ('delete', old.id, old.body);
END;
CREATE TRIGGER "chat_messages_fts_au" AFTER UPDATE OF body ON "chat_messages" BEGIN
  INSERT INTO "chat_messages_fts"("chat_messages_fts", rowid, body) VALUES ('delete', old.id, old.body);
  INSERT INTO "chat_messages_fts"(rowid, body) VALUES (new.id, new.body);
END;

-- Full-text index of conversation_messages (body): an FTS5 table over the rows (external content), kept in sync by triggers.
CREATE VIRTUAL TABLE "conversation_messages_fts" USING fts5(body, content='conversation_messages', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
INSERT INTO "conversation_messages_fts"("conversation_messages_fts") VALUES ('rebuild');
CREATE TRIGGER "conversation_messages_fts_ai" AFTER INSERT ON "conversation_messages" BEGIN
  INSERT INTO "conversation_messages_fts"(rowid, body) VALUES (new.id, new.body);
END;
CREATE TRIGGER "conversation_messages_fts_ad" AFTER DELETE ON "conversation_messages" BEGIN
  INSERT INTO "conversation_messages_fts"("conversation_messages_fts", rowid, body) VALUES ('delete', old.id, old.body);
END;
CREATE TRIGGER "conversation_messages_fts_au" AFTER UPDATE OF body ON "conversation_messages" BEGIN
  INSERT INTO "conversation_messages_fts"("conversation_messages_fts", rowid, body) VALUES ('delete', old.id, old.body);
  INSERT INTO "conversation_messages_fts"(rowid, body) VALUES (new.id, new.body);
END;
