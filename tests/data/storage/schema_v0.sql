-- An empty database as the room server finds it on first start (schema version 0).
-- Produced with: sqlite3 v0.db .dump
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
COMMIT;
