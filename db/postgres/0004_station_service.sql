-- The station service's own tables (issue 6, Station.Host): people and machine keys, stored recipe
-- versions with their approvals and activations, and who asked for each run. They are not part of
-- the ledger's hash chain (docs/DATA.md); recipes, approvals, activations and run requests are
-- append-only like the ledger (guards below), users and keys change (password, revocation).

CREATE TABLE users (
    user_name           character varying(64)    NOT NULL,
    password_hash       character varying(256)   NOT NULL,
    roles               character varying(128)   NOT NULL,
    created_at          timestamp with time zone NOT NULL,
    created_by          character varying(128),
    disabled            boolean                  NOT NULL,
    CONSTRAINT pk_users PRIMARY KEY (user_name)
);

CREATE TABLE api_keys (
    key_id              uuid                     NOT NULL,
    name                character varying(64)    NOT NULL,
    roles               character varying(128)   NOT NULL,
    key_hash            bytea                    NOT NULL CHECK (octet_length(key_hash) = 32),
    prefix              character varying(16)    NOT NULL,
    created_at          timestamp with time zone NOT NULL,
    created_by          character varying(128),
    revoked_at          timestamp with time zone,
    CONSTRAINT pk_api_keys PRIMARY KEY (key_id)
);
CREATE UNIQUE INDEX ux_api_keys_key_hash ON api_keys (key_hash);
CREATE UNIQUE INDEX ux_api_keys_name ON api_keys (name);

CREATE TABLE recipes (
    name                character varying(128)   NOT NULL,
    version             integer                  NOT NULL CHECK (version >= 1),
    sha256              bytea                    NOT NULL CHECK (octet_length(sha256) = 32),
    content             text                     NOT NULL,
    device              character varying(64)    NOT NULL,
    burns_fuses         boolean                  NOT NULL,
    flashloader_sha256  bytea                    NOT NULL CHECK (octet_length(flashloader_sha256) = 32),
    image_sha256        bytea                    NOT NULL CHECK (octet_length(image_sha256) = 32),
    fcb_sha256          bytea                    CHECK (octet_length(fcb_sha256) = 32),
    created_at          timestamp with time zone NOT NULL,
    created_by          character varying(128)   NOT NULL,
    CONSTRAINT pk_recipes PRIMARY KEY (name, version)
);

CREATE TABLE recipe_approvals (
    approval_id         uuid                     NOT NULL,
    recipe_name         character varying(128)   NOT NULL,
    recipe_version      integer                  NOT NULL CHECK (recipe_version >= 1),
    recipe_sha256       bytea                    NOT NULL CHECK (octet_length(recipe_sha256) = 32),
    approved_by         character varying(128)   NOT NULL,
    approved_at         timestamp with time zone NOT NULL,
    CONSTRAINT pk_recipe_approvals PRIMARY KEY (approval_id)
);
CREATE INDEX ix_recipe_approvals_recipe ON recipe_approvals (recipe_name, recipe_version);

CREATE TABLE recipe_activations (
    activation_id       uuid                     NOT NULL,
    station_id          character varying(64)    NOT NULL,
    recipe_name         character varying(128)   NOT NULL,
    recipe_version      integer                  NOT NULL CHECK (recipe_version >= 1),
    activated_by        character varying(128)   NOT NULL,
    activated_at        timestamp with time zone NOT NULL,
    CONSTRAINT pk_recipe_activations PRIMARY KEY (activation_id)
);
CREATE INDEX ix_recipe_activations_station_id ON recipe_activations (station_id, activated_at);

CREATE TABLE run_requests (
    run_id              uuid                     NOT NULL,
    station_id          character varying(64)    NOT NULL,
    slot                character varying(64)    NOT NULL,
    requested_by        character varying(128)   NOT NULL,
    operator            character varying(128),
    serial_number       character varying(128),
    rework              boolean                  NOT NULL,
    idempotency_key     character varying(128),
    request_sha256      bytea                    CHECK (octet_length(request_sha256) = 32),
    recipe_name         character varying(128)   NOT NULL,
    recipe_version      integer                  NOT NULL CHECK (recipe_version >= 1),
    approval_id         uuid,
    approved_by         character varying(128),
    requested_at        timestamp with time zone NOT NULL,
    CONSTRAINT pk_run_requests PRIMARY KEY (run_id)
);
CREATE UNIQUE INDEX ux_run_requests_idempotency ON run_requests (requested_by, idempotency_key);
CREATE INDEX ix_run_requests_serial_number ON run_requests (serial_number);

CREATE FUNCTION station_service_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'station table % is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER recipes_append_only BEFORE UPDATE OR DELETE ON recipes
    FOR EACH ROW EXECUTE FUNCTION station_service_append_only();
CREATE TRIGGER recipes_no_truncate BEFORE TRUNCATE ON recipes
    FOR EACH STATEMENT EXECUTE FUNCTION station_service_append_only();
CREATE TRIGGER recipe_approvals_append_only BEFORE UPDATE OR DELETE ON recipe_approvals
    FOR EACH ROW EXECUTE FUNCTION station_service_append_only();
CREATE TRIGGER recipe_approvals_no_truncate BEFORE TRUNCATE ON recipe_approvals
    FOR EACH STATEMENT EXECUTE FUNCTION station_service_append_only();
CREATE TRIGGER recipe_activations_append_only BEFORE UPDATE OR DELETE ON recipe_activations
    FOR EACH ROW EXECUTE FUNCTION station_service_append_only();
CREATE TRIGGER recipe_activations_no_truncate BEFORE TRUNCATE ON recipe_activations
    FOR EACH STATEMENT EXECUTE FUNCTION station_service_append_only();
CREATE TRIGGER run_requests_append_only BEFORE UPDATE OR DELETE ON run_requests
    FOR EACH ROW EXECUTE FUNCTION station_service_append_only();
CREATE TRIGGER run_requests_no_truncate BEFORE TRUNCATE ON run_requests
    FOR EACH STATEMENT EXECUTE FUNCTION station_service_append_only();
