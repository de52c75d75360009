-- A database at schema version 2 with a few rows in every table: the v1 rows (a 3-event hash
-- chain, a command record, a credential, a session, a login token, a setting) and the ballot
-- box tallies of two open secret polls.
-- Produced with: sqlite3 v2.db .dump (plus the user_version line, which .dump omits).
PRAGMA user_version=2;
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE events (
    seq       INTEGER PRIMARY KEY CHECK (seq > 0),
    time      INTEGER NOT NULL,
    actor     TEXT    NOT NULL,
    type      TEXT    NOT NULL,
    payload   TEXT    NOT NULL,
    prev_hash TEXT    NOT NULL CHECK (length(prev_hash) = 64),
    hash      TEXT    NOT NULL CHECK (length(hash) = 64)
);
INSERT INTO events VALUES(1,1700000000000,'system','meeting.defined','{"place":"Hội trường tầng 3","title":"Kỳ họp thứ 12 Hội đồng nhân dân tỉnh khóa XVI"}','0000000000000000000000000000000000000000000000000000000000000000','202f1972197040c80263fea911f6f25f5df7f408da65c128c1ae482f7f5c687b');
INSERT INTO events VALUES(2,1700000060000,'thu_ky','participant.added','{"fullName":"Nguyễn Văn Ánh","id":"db01","position":"Phó Chủ tịch UBND tỉnh"}','202f1972197040c80263fea911f6f25f5df7f408da65c128c1ae482f7f5c687b','77e83bd2d7ad9bfeb64bf4b12cd62cf16de2c69950a0c798af6ca7164a3547cf');
INSERT INTO events VALUES(3,1700000120000,'db01','attendance.checked_in','{"participant":"db01"}','77e83bd2d7ad9bfeb64bf4b12cd62cf16de2c69950a0c798af6ca7164a3547cf','ae1690efdbdd98596030d36e8b9bd7312d51a5245e9bac16edb132d99598705d');
CREATE TABLE commands (
    actor      TEXT    NOT NULL,
    command_id TEXT    NOT NULL,
    first_seq  INTEGER NOT NULL,
    last_seq   INTEGER NOT NULL,
    time       INTEGER NOT NULL,
    PRIMARY KEY (actor, command_id)
) WITHOUT ROWID;
INSERT INTO commands VALUES('db01','cmd-0001',3,3,1700000120000);
CREATE TABLE credentials (
    participant     TEXT    PRIMARY KEY,
    pin_hash        TEXT    NOT NULL,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until    INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
INSERT INTO credentials VALUES('db01','scrypt$N=16384,r=8,p=1$c2FsdA$aGFzaA',2,0);
CREATE TABLE sessions (
    token_hash  TEXT    PRIMARY KEY,
    participant TEXT    NOT NULL,
    role        TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO sessions VALUES('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa','db01','delegate',1700000100000,1700043300000);
CREATE TABLE login_tokens (
    token_hash  TEXT    PRIMARY KEY,
    participant TEXT    NOT NULL,
    expires_at  INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO login_tokens VALUES('bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb','db02',1700000900000);
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO settings VALUES('server.name','Phòng họp số 1');
CREATE TABLE ballot_box (poll TEXT PRIMARY KEY, tally TEXT NOT NULL) WITHOUT ROWID;
INSERT INTO ballot_box VALUES('poll-0001','{"abstentions":{"count":0,"weighted":0},"ballots":{"count":0,"weighted":0},"options":[{"count":0,"weighted":0},{"count":0,"weighted":0},{"count":0,"weighted":0}]}');
INSERT INTO ballot_box VALUES('poll-0002','{"abstentions":{"count":1,"weighted":1},"ballots":{"count":5,"weighted":5},"options":[{"count":3,"weighted":3},{"count":1,"weighted":1}]}');
CREATE INDEX sessions_by_participant ON sessions (participant);
COMMIT;
