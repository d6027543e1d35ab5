-- Station records, SQLite: the append-only ledger tables (docs/DATA.md).
-- Every table is keyed by (station_id, sequence): one hash chain per station, across all tables.
-- Applied by Station.Data's migrator inside a BEGIN IMMEDIATE transaction.
-- STRICT tables: SQLite checks every value against the declared type; lengths are CHECKs.
-- Times are UTC ISO-8601 text (EF Core's format), uuids are text, hashes are 32-byte blobs.

CREATE TABLE station_sessions (
    station_id          TEXT    NOT NULL CHECK (length(station_id) <= 64),
    sequence            INTEGER NOT NULL CHECK (sequence >= 1),
    recorded_at         TEXT    NOT NULL,
    previous_hash       BLOB    NOT NULL CHECK (length(previous_hash) = 32),
    hash                BLOB    NOT NULL CHECK (length(hash) = 32),
    session_id          TEXT    NOT NULL,
    tool_version        TEXT    NOT NULL CHECK (length(tool_version) <= 64),
    host_name           TEXT    NOT NULL CHECK (length(host_name) <= 128),
    CONSTRAINT pk_station_sessions PRIMARY KEY (station_id, sequence)
) STRICT;
CREATE UNIQUE INDEX ux_station_sessions_session_id ON station_sessions (session_id);

CREATE TABLE run_starts (
    station_id          TEXT    NOT NULL CHECK (length(station_id) <= 64),
    sequence            INTEGER NOT NULL CHECK (sequence >= 1),
    recorded_at         TEXT    NOT NULL,
    previous_hash       BLOB    NOT NULL CHECK (length(previous_hash) = 32),
    hash                BLOB    NOT NULL CHECK (length(hash) = 32),
    run_id              TEXT    NOT NULL,
    session_id          TEXT    NOT NULL,
    slot                TEXT    NOT NULL CHECK (length(slot) <= 64),
    operator            TEXT    CHECK (length(operator) <= 128),
    recipe_name         TEXT    NOT NULL CHECK (length(recipe_name) <= 128),
    recipe_version      TEXT    NOT NULL CHECK (length(recipe_version) <= 64),
    recipe_sha256       BLOB    NOT NULL CHECK (length(recipe_sha256) = 32),
    flashloader_version TEXT    CHECK (length(flashloader_version) <= 64),
    tool_version        TEXT    NOT NULL CHECK (length(tool_version) <= 64),
    serial_number       TEXT    CHECK (length(serial_number) <= 128),
    started_at          TEXT    NOT NULL,
    CONSTRAINT pk_run_starts PRIMARY KEY (station_id, sequence)
) STRICT;
CREATE UNIQUE INDEX ux_run_starts_run_id ON run_starts (run_id);
CREATE INDEX ix_run_starts_serial_number ON run_starts (serial_number);
CREATE INDEX ix_run_starts_started_at ON run_starts (started_at);

CREATE TABLE unit_identifications (
    station_id          TEXT    NOT NULL CHECK (length(station_id) <= 64),
    sequence            INTEGER NOT NULL CHECK (sequence >= 1),
    recorded_at         TEXT    NOT NULL,
    previous_hash       BLOB    NOT NULL CHECK (length(previous_hash) = 32),
    hash                BLOB    NOT NULL CHECK (length(hash) = 32),
    run_id              TEXT    NOT NULL,
    chip_uid            TEXT    NOT NULL CHECK (length(chip_uid) <= 64),
    serial_number       TEXT    CHECK (length(serial_number) <= 128),
    flashloader_version TEXT    CHECK (length(flashloader_version) <= 64),
    CONSTRAINT pk_unit_identifications PRIMARY KEY (station_id, sequence)
) STRICT;
CREATE INDEX ix_unit_identifications_run_id ON unit_identifications (run_id);
CREATE INDEX ix_unit_identifications_chip_uid ON unit_identifications (chip_uid);
CREATE INDEX ix_unit_identifications_serial_number ON unit_identifications (serial_number);

CREATE TABLE step_attempts (
    station_id          TEXT    NOT NULL CHECK (length(station_id) <= 64),
    sequence            INTEGER NOT NULL CHECK (sequence >= 1),
    recorded_at         TEXT    NOT NULL,
    previous_hash       BLOB    NOT NULL CHECK (length(previous_hash) = 32),
    hash                BLOB    NOT NULL CHECK (length(hash) = 32),
    run_id              TEXT    NOT NULL,
    step_name           TEXT    NOT NULL CHECK (length(step_name) <= 64),
    attempt             INTEGER NOT NULL CHECK (attempt >= 1),
    started_at          TEXT    NOT NULL,
    ended_at            TEXT    NOT NULL,
    result              TEXT    NOT NULL CHECK (result IN ('passed', 'failed', 'cancelled', 'skipped')),
    device_status       INTEGER,
    retry_reason        TEXT,
    message             TEXT,
    CONSTRAINT pk_step_attempts PRIMARY KEY (station_id, sequence)
) STRICT;
CREATE INDEX ix_step_attempts_run_id ON step_attempts (run_id);

CREATE TABLE fuse_intents (
    station_id          TEXT    NOT NULL CHECK (length(station_id) <= 64),
    sequence            INTEGER NOT NULL CHECK (sequence >= 1),
    recorded_at         TEXT    NOT NULL,
    previous_hash       BLOB    NOT NULL CHECK (length(previous_hash) = 32),
    hash                BLOB    NOT NULL CHECK (length(hash) = 32),
    intent_id           TEXT    NOT NULL,
    run_id              TEXT    NOT NULL,
    chip_uid            TEXT    NOT NULL CHECK (length(chip_uid) <= 64),
    fuse_index          INTEGER NOT NULL CHECK (fuse_index >= 0),
    fuse_name           TEXT    NOT NULL CHECK (length(fuse_name) <= 64),
    requested_value     INTEGER NOT NULL CHECK (requested_value BETWEEN 0 AND 4294967295),
    mask                INTEGER NOT NULL CHECK (mask BETWEEN 0 AND 4294967295),
    value_before        INTEGER NOT NULL CHECK (value_before BETWEEN 0 AND 4294967295),
    approval_reference  TEXT    CHECK (length(approval_reference) <= 128),
    CONSTRAINT pk_fuse_intents PRIMARY KEY (station_id, sequence)
) STRICT;
CREATE UNIQUE INDEX ux_fuse_intents_intent_id ON fuse_intents (intent_id);
CREATE INDEX ix_fuse_intents_run_id ON fuse_intents (run_id);
CREATE INDEX ix_fuse_intents_chip_uid ON fuse_intents (chip_uid);

CREATE TABLE fuse_results (
    station_id          TEXT    NOT NULL CHECK (length(station_id) <= 64),
    sequence            INTEGER NOT NULL CHECK (sequence >= 1),
    recorded_at         TEXT    NOT NULL,
    previous_hash       BLOB    NOT NULL CHECK (length(previous_hash) = 32),
    hash                BLOB    NOT NULL CHECK (length(hash) = 32),
    intent_id           TEXT    NOT NULL,
    run_id              TEXT    NOT NULL,
    chip_uid            TEXT    NOT NULL CHECK (length(chip_uid) <= 64),
    fuse_index          INTEGER NOT NULL CHECK (fuse_index >= 0),
    outcome             TEXT    NOT NULL CHECK (outcome IN ('burned', 'failed', 'already_programmed', 'reread')),
    value_after         INTEGER CHECK (value_after BETWEEN 0 AND 4294967295),
    verified            INTEGER NOT NULL CHECK (verified IN (0, 1)),
    device_status       INTEGER,
    message             TEXT,
    CONSTRAINT pk_fuse_results PRIMARY KEY (station_id, sequence)
) STRICT;
CREATE INDEX ix_fuse_results_intent_id ON fuse_results (intent_id);
CREATE INDEX ix_fuse_results_run_id ON fuse_results (run_id);
CREATE INDEX ix_fuse_results_chip_uid ON fuse_results (chip_uid);

CREATE TABLE image_writes (
    station_id          TEXT    NOT NULL CHECK (length(station_id) <= 64),
    sequence            INTEGER NOT NULL CHECK (sequence >= 1),
    recorded_at         TEXT    NOT NULL,
    previous_hash       BLOB    NOT NULL CHECK (length(previous_hash) = 32),
    hash                BLOB    NOT NULL CHECK (length(hash) = 32),
    run_id              TEXT    NOT NULL,
    memory              TEXT    NOT NULL CHECK (length(memory) <= 64),
    address             INTEGER NOT NULL CHECK (address BETWEEN 0 AND 4294967295),
    length              INTEGER NOT NULL CHECK (length >= 0),
    image_sha256        BLOB    NOT NULL CHECK (length(image_sha256) = 32),
    readback_sha256     BLOB    CHECK (length(readback_sha256) = 32),
    CONSTRAINT pk_image_writes PRIMARY KEY (station_id, sequence)
) STRICT;
CREATE INDEX ix_image_writes_run_id ON image_writes (run_id);

CREATE TABLE log_lines (
    station_id          TEXT    NOT NULL CHECK (length(station_id) <= 64),
    sequence            INTEGER NOT NULL CHECK (sequence >= 1),
    recorded_at         TEXT    NOT NULL,
    previous_hash       BLOB    NOT NULL CHECK (length(previous_hash) = 32),
    hash                BLOB    NOT NULL CHECK (length(hash) = 32),
    run_id              TEXT,
    logged_at           TEXT    NOT NULL,
    level               TEXT    NOT NULL CHECK (length(level) <= 16),
    message             TEXT    NOT NULL,
    CONSTRAINT pk_log_lines PRIMARY KEY (station_id, sequence)
) STRICT;
CREATE INDEX ix_log_lines_run_id ON log_lines (run_id);

CREATE TABLE run_ends (
    station_id          TEXT    NOT NULL CHECK (length(station_id) <= 64),
    sequence            INTEGER NOT NULL CHECK (sequence >= 1),
    recorded_at         TEXT    NOT NULL,
    previous_hash       BLOB    NOT NULL CHECK (length(previous_hash) = 32),
    hash                BLOB    NOT NULL CHECK (length(hash) = 32),
    run_id              TEXT    NOT NULL,
    ended_at            TEXT    NOT NULL,
    outcome             TEXT    NOT NULL CHECK (outcome IN ('passed', 'failed', 'quarantined', 'interrupted', 'cancelled')),
    failure_class       TEXT    CHECK (length(failure_class) <= 64),
    device_status       INTEGER,
    attempts            INTEGER NOT NULL CHECK (attempts >= 0),
    message             TEXT,
    CONSTRAINT pk_run_ends PRIMARY KEY (station_id, sequence)
) STRICT;
CREATE INDEX ix_run_ends_run_id ON run_ends (run_id);
