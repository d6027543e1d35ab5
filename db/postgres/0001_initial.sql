-- Station records, PostgreSQL: the append-only ledger tables (docs/DATA.md).
-- Every table is keyed by (station_id, sequence): one hash chain per station, across all tables.
-- Applied by Station.Data's migrator inside a transaction, under pg_advisory_lock.

CREATE TABLE station_sessions (
    station_id      character varying(64)    NOT NULL,
    sequence        bigint                   NOT NULL CHECK (sequence >= 1),
    recorded_at     timestamp with time zone NOT NULL,
    previous_hash   bytea                    NOT NULL CHECK (octet_length(previous_hash) = 32),
    hash            bytea                    NOT NULL CHECK (octet_length(hash) = 32),
    session_id      uuid                     NOT NULL,
    tool_version    character varying(64)    NOT NULL,
    host_name       character varying(128)   NOT NULL,
    CONSTRAINT pk_station_sessions PRIMARY KEY (station_id, sequence)
);
CREATE UNIQUE INDEX ux_station_sessions_session_id ON station_sessions (session_id);

CREATE TABLE run_starts (
    station_id          character varying(64)    NOT NULL,
    sequence            bigint                   NOT NULL CHECK (sequence >= 1),
    recorded_at         timestamp with time zone NOT NULL,
    previous_hash       bytea                    NOT NULL CHECK (octet_length(previous_hash) = 32),
    hash                bytea                    NOT NULL CHECK (octet_length(hash) = 32),
    run_id              uuid                     NOT NULL,
    session_id          uuid                     NOT NULL,
    slot                character varying(64)    NOT NULL,
    operator            character varying(128),
    recipe_name         character varying(128)   NOT NULL,
    recipe_version      character varying(64)    NOT NULL,
    recipe_sha256       bytea                    NOT NULL CHECK (octet_length(recipe_sha256) = 32),
    flashloader_version character varying(64),
    tool_version        character varying(64)    NOT NULL,
    serial_number       character varying(128),
    started_at          timestamp with time zone NOT NULL,
    CONSTRAINT pk_run_starts PRIMARY KEY (station_id, sequence)
);
CREATE UNIQUE INDEX ux_run_starts_run_id ON run_starts (run_id);
CREATE INDEX ix_run_starts_serial_number ON run_starts (serial_number);
CREATE INDEX ix_run_starts_started_at ON run_starts (started_at);

CREATE TABLE unit_identifications (
    station_id          character varying(64)    NOT NULL,
    sequence            bigint                   NOT NULL CHECK (sequence >= 1),
    recorded_at         timestamp with time zone NOT NULL,
    previous_hash       bytea                    NOT NULL CHECK (octet_length(previous_hash) = 32),
    hash                bytea                    NOT NULL CHECK (octet_length(hash) = 32),
    run_id              uuid                     NOT NULL,
    chip_uid            character varying(64)    NOT NULL,
    serial_number       character varying(128),
    flashloader_version character varying(64),
    CONSTRAINT pk_unit_identifications PRIMARY KEY (station_id, sequence)
);
CREATE INDEX ix_unit_identifications_run_id ON unit_identifications (run_id);
CREATE INDEX ix_unit_identifications_chip_uid ON unit_identifications (chip_uid);
CREATE INDEX ix_unit_identifications_serial_number ON unit_identifications (serial_number);

CREATE TABLE step_attempts (
    station_id      character varying(64)    NOT NULL,
    sequence        bigint                   NOT NULL CHECK (sequence >= 1),
    recorded_at     timestamp with time zone NOT NULL,
    previous_hash   bytea                    NOT NULL CHECK (octet_length(previous_hash) = 32),
    hash            bytea                    NOT NULL CHECK (octet_length(hash) = 32),
    run_id          uuid                     NOT NULL,
    step_name       character varying(64)    NOT NULL,
    attempt         integer                  NOT NULL CHECK (attempt >= 1),
    started_at      timestamp with time zone NOT NULL,
    ended_at        timestamp with time zone NOT NULL,
    result          character varying(20)    NOT NULL CHECK (result IN ('passed', 'failed', 'cancelled', 'skipped')),
    device_status   bigint,
    retry_reason    text,
    message         text,
    CONSTRAINT pk_step_attempts PRIMARY KEY (station_id, sequence)
);
CREATE INDEX ix_step_attempts_run_id ON step_attempts (run_id);

CREATE TABLE fuse_intents (
    station_id          character varying(64)    NOT NULL,
    sequence            bigint                   NOT NULL CHECK (sequence >= 1),
    recorded_at         timestamp with time zone NOT NULL,
    previous_hash       bytea                    NOT NULL CHECK (octet_length(previous_hash) = 32),
    hash                bytea                    NOT NULL CHECK (octet_length(hash) = 32),
    intent_id           uuid                     NOT NULL,
    run_id              uuid                     NOT NULL,
    chip_uid            character varying(64)    NOT NULL,
    fuse_index          integer                  NOT NULL CHECK (fuse_index >= 0),
    fuse_name           character varying(64)    NOT NULL,
    requested_value     bigint                   NOT NULL CHECK (requested_value BETWEEN 0 AND 4294967295),
    mask                bigint                   NOT NULL CHECK (mask BETWEEN 0 AND 4294967295),
    value_before        bigint                   NOT NULL CHECK (value_before BETWEEN 0 AND 4294967295),
    approval_reference  character varying(128),
    CONSTRAINT pk_fuse_intents PRIMARY KEY (station_id, sequence)
);
CREATE UNIQUE INDEX ux_fuse_intents_intent_id ON fuse_intents (intent_id);
CREATE INDEX ix_fuse_intents_run_id ON fuse_intents (run_id);
CREATE INDEX ix_fuse_intents_chip_uid ON fuse_intents (chip_uid);

CREATE TABLE fuse_results (
    station_id      character varying(64)    NOT NULL,
    sequence        bigint                   NOT NULL CHECK (sequence >= 1),
    recorded_at     timestamp with time zone NOT NULL,
    previous_hash   bytea                    NOT NULL CHECK (octet_length(previous_hash) = 32),
    hash            bytea                    NOT NULL CHECK (octet_length(hash) = 32),
    intent_id       uuid                     NOT NULL,
    run_id          uuid                     NOT NULL,
    chip_uid        character varying(64)    NOT NULL,
    fuse_index      integer                  NOT NULL CHECK (fuse_index >= 0),
    outcome         character varying(20)    NOT NULL CHECK (outcome IN ('burned', 'failed', 'already_programmed', 'reread')),
    value_after     bigint                   CHECK (value_after BETWEEN 0 AND 4294967295),
    verified        boolean                  NOT NULL,
    device_status   bigint,
    message         text,
    CONSTRAINT pk_fuse_results PRIMARY KEY (station_id, sequence)
);
CREATE INDEX ix_fuse_results_intent_id ON fuse_results (intent_id);
CREATE INDEX ix_fuse_results_run_id ON fuse_results (run_id);
CREATE INDEX ix_fuse_results_chip_uid ON fuse_results (chip_uid);

CREATE TABLE image_writes (
    station_id      character varying(64)    NOT NULL,
    sequence        bigint                   NOT NULL CHECK (sequence >= 1),
    recorded_at     timestamp with time zone NOT NULL,
    previous_hash   bytea                    NOT NULL CHECK (octet_length(previous_hash) = 32),
    hash            bytea                    NOT NULL CHECK (octet_length(hash) = 32),
    run_id          uuid                     NOT NULL,
    memory          character varying(64)    NOT NULL,
    address         bigint                   NOT NULL CHECK (address BETWEEN 0 AND 4294967295),
    length          bigint                   NOT NULL CHECK (length >= 0),
    image_sha256    bytea                    NOT NULL CHECK (octet_length(image_sha256) = 32),
    readback_sha256 bytea                    CHECK (octet_length(readback_sha256) = 32),
    CONSTRAINT pk_image_writes PRIMARY KEY (station_id, sequence)
);
CREATE INDEX ix_image_writes_run_id ON image_writes (run_id);

CREATE TABLE log_lines (
    station_id      character varying(64)    NOT NULL,
    sequence        bigint                   NOT NULL CHECK (sequence >= 1),
    recorded_at     timestamp with time zone NOT NULL,
    previous_hash   bytea                    NOT NULL CHECK (octet_length(previous_hash) = 32),
    hash            bytea                    NOT NULL CHECK (octet_length(hash) = 32),
    run_id          uuid,
    logged_at       timestamp with time zone NOT NULL,
    level           character varying(16)    NOT NULL,
    message         text                     NOT NULL,
    CONSTRAINT pk_log_lines PRIMARY KEY (station_id, sequence)
);
CREATE INDEX ix_log_lines_run_id ON log_lines (run_id);

CREATE TABLE run_ends (
    station_id      character varying(64)    NOT NULL,
    sequence        bigint                   NOT NULL CHECK (sequence >= 1),
    recorded_at     timestamp with time zone NOT NULL,
    previous_hash   bytea                    NOT NULL CHECK (octet_length(previous_hash) = 32),
    hash            bytea                    NOT NULL CHECK (octet_length(hash) = 32),
    run_id          uuid                     NOT NULL,
    ended_at        timestamp with time zone NOT NULL,
    outcome         character varying(20)    NOT NULL CHECK (outcome IN ('passed', 'failed', 'quarantined', 'interrupted', 'cancelled')),
    failure_class   character varying(64),
    device_status   bigint,
    attempts        integer                  NOT NULL CHECK (attempts >= 0),
    message         text,
    CONSTRAINT pk_run_ends PRIMARY KEY (station_id, sequence)
);
CREATE INDEX ix_run_ends_run_id ON run_ends (run_id);
