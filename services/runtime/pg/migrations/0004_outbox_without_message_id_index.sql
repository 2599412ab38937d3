-- Event ids are random UUIDs (events/identifiers.cpp), so UNIQUE (message_id) never refused a
-- row, and a message published twice is what every consumer's inbox is there for. Nothing reads
-- the outbox by message id. Its index was the outbox's only one in random key order: every insert
-- touched a random leaf of an index as large as the retention window's rows (24 h of them), and
-- every mark, a non-HOT update, added another entry. Without it an outbox row costs PostgreSQL
-- about an eighth less CPU (bench/README step 21).
ALTER TABLE outbox DROP CONSTRAINT outbox_message_id_key;
