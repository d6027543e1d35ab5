-- The station service's own tables (issue 6, Station.Host): people and machine keys, stored recipe
-- versions with their approvals and activations, and who asked for each run. They are not part of
-- the ledger's hash chain (docs/DATA.md); recipes, approvals, activations and run requests are
-- append-only like the ledger (guards below), users and keys change (password, revocation).

CREATE TABLE users (
    user_name           TEXT    NOT NULL CHECK (length(user_name) <= 64),
    password_hash       TEXT    NOT NULL CHECK (length(password_hash) <= 256),
    roles               TEXT    NOT NULL CHECK (length(roles) <= 128),
    created_at          TEXT    NOT NULL,
    created_by          TEXT    CHECK (length(created_by) <= 128),
    disabled            INTEGER NOT NULL CHECK (disabled IN (0, 1)),
    CONSTRAINT pk_users PRIMARY KEY (user_name)
) STRICT;

CREATE TABLE api_keys (
    key_id              TEXT    NOT NULL,
    name                TEXT    NOT NULL CHECK (length(name) <= 64),
    roles               TEXT    NOT NULL CHECK (length(roles) <= 128),
    key_hash            BLOB    NOT NULL CHECK (length(key_hash) = 32),
    prefix              TEXT    NOT NULL CHECK (length(prefix) <= 16),
    created_at          TEXT    NOT NULL,
    created_by          TEXT    CHECK (length(created_by) <= 128),
    revoked_at          TEXT,
    CONSTRAINT pk_api_keys PRIMARY KEY (key_id)
) STRICT;
CREATE UNIQUE INDEX ux_api_keys_key_hash ON api_keys (key_hash);
CREATE UNIQUE INDEX ux_api_keys_name ON api_keys (name);

CREATE TABLE recipes (
    name                TEXT    NOT NULL CHECK (length(name) <= 128),
    version             INTEGER NOT NULL CHECK (version >= 1),
    sha256              BLOB    NOT NULL CHECK (length(sha256) = 32),
    content             TEXT    NOT NULL,
    device              TEXT    NOT NULL CHECK (length(device) <= 64),
    burns_fuses         INTEGER NOT NULL CHECK (burns_fuses IN (0, 1)),
    flashloader_sha256  BLOB    NOT NULL CHECK (length(flashloader_sha256) = 32),
    image_sha256        BLOB    NOT NULL CHECK (length(image_sha256) = 32),
    fcb_sha256          BLOB    CHECK (length(fcb_sha256) = 32),
    created_at          TEXT    NOT NULL,
    created_by          TEXT    NOT NULL CHECK (length(created_by) <= 128),
    CONSTRAINT pk_recipes PRIMARY KEY (name, version)
) STRICT;

CREATE TABLE recipe_approvals (
    approval_id         TEXT    NOT NULL,
    recipe_name         TEXT    NOT NULL CHECK (length(recipe_name) <= 128),
    recipe_version      INTEGER NOT NULL CHECK (recipe_version >= 1),
    recipe_sha256       BLOB    NOT NULL CHECK (length(recipe_sha256) = 32),
    approved_by         TEXT    NOT NULL CHECK (length(approved_by) <= 128),
    approved_at         TEXT    NOT NULL,
    CONSTRAINT pk_recipe_approvals PRIMARY KEY (approval_id)
) STRICT;
CREATE INDEX ix_recipe_approvals_recipe ON recipe_approvals (recipe_name, recipe_version);

CREATE TABLE recipe_activations (
    activation_id       TEXT    NOT NULL,
    station_id          TEXT    NOT NULL CHECK (length(station_id) <= 64),
    recipe_name         TEXT    NOT NULL CHECK (length(recipe_name) <= 128),
    recipe_version      INTEGER NOT NULL CHECK (recipe_version >= 1),
    activated_by        TEXT    NOT NULL CHECK (length(activated_by) <= 128),
    activated_at        TEXT    NOT NULL,
    CONSTRAINT pk_recipe_activations PRIMARY KEY (activation_id)
) STRICT;
CREATE INDEX ix_recipe_activations_station_id ON recipe_activations (station_id, activated_at);

CREATE TABLE run_requests (
    run_id              TEXT    NOT NULL,
    station_id          TEXT    NOT NULL CHECK (length(station_id) <= 64),
    slot                TEXT    NOT NULL CHECK (length(slot) <= 64),
    requested_by        TEXT    NOT NULL CHECK (length(requested_by) <= 128),
    operator            TEXT    CHECK (length(operator) <= 128),
    serial_number       TEXT    CHECK (length(serial_number) <= 128),
    rework              INTEGER NOT NULL CHECK (rework IN (0, 1)),
    idempotency_key     TEXT    CHECK (length(idempotency_key) <= 128),
    request_sha256      BLOB    CHECK (length(request_sha256) = 32),
    recipe_name         TEXT    NOT NULL CHECK (length(recipe_name) <= 128),
    recipe_version      INTEGER NOT NULL CHECK (recipe_version >= 1),
    approval_id         TEXT,
    approved_by         TEXT    CHECK (length(approved_by) <= 128),
    requested_at        TEXT    NOT NULL,
    CONSTRAINT pk_run_requests PRIMARY KEY (run_id)
) STRICT;
CREATE UNIQUE INDEX ux_run_requests_idempotency ON run_requests (requested_by, idempotency_key);
CREATE INDEX ix_run_requests_serial_number ON run_requests (serial_number);

CREATE TRIGGER recipes_no_update BEFORE UPDATE ON recipes
BEGIN SELECT RAISE(ABORT, 'recipes is append-only: a stored recipe version never changes'); END;
CREATE TRIGGER recipes_no_delete BEFORE DELETE ON recipes
BEGIN SELECT RAISE(ABORT, 'recipes is append-only: DELETE refused'); END;
CREATE TRIGGER recipe_approvals_no_update BEFORE UPDATE ON recipe_approvals
BEGIN SELECT RAISE(ABORT, 'recipe_approvals is append-only: UPDATE refused'); END;
CREATE TRIGGER recipe_approvals_no_delete BEFORE DELETE ON recipe_approvals
BEGIN SELECT RAISE(ABORT, 'recipe_approvals is append-only: DELETE refused'); END;
CREATE TRIGGER recipe_activations_no_update BEFORE UPDATE ON recipe_activations
BEGIN SELECT RAISE(ABORT, 'recipe_activations is append-only: UPDATE refused'); END;
CREATE TRIGGER recipe_activations_no_delete BEFORE DELETE ON recipe_activations
BEGIN SELECT RAISE(ABORT, 'recipe_activations is append-only: DELETE refused'); END;
CREATE TRIGGER run_requests_no_update BEFORE UPDATE ON run_requests
BEGIN SELECT RAISE(ABORT, 'run_requests is append-only: UPDATE refused'); END;
CREATE TRIGGER run_requests_no_delete BEFORE DELETE ON run_requests
BEGIN SELECT RAISE(ABORT, 'run_requests is append-only: DELETE refused'); END;
