-- The ledger tables are append-only: refuse UPDATE, DELETE and TRUNCATE. This stops accidents and
-- casual edits; someone who can drop a trigger can still change rows, and the hash chain is what
-- detects that (docs/DATA.md, "What is detected").

CREATE FUNCTION station_ledger_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'station ledger table % is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER station_sessions_append_only BEFORE UPDATE OR DELETE ON station_sessions
    FOR EACH ROW EXECUTE FUNCTION station_ledger_append_only();
CREATE TRIGGER station_sessions_no_truncate BEFORE TRUNCATE ON station_sessions
    FOR EACH STATEMENT EXECUTE FUNCTION station_ledger_append_only();
CREATE TRIGGER run_starts_append_only BEFORE UPDATE OR DELETE ON run_starts
    FOR EACH ROW EXECUTE FUNCTION station_ledger_append_only();
CREATE TRIGGER run_starts_no_truncate BEFORE TRUNCATE ON run_starts
    FOR EACH STATEMENT EXECUTE FUNCTION station_ledger_append_only();
CREATE TRIGGER unit_identifications_append_only BEFORE UPDATE OR DELETE ON unit_identifications
    FOR EACH ROW EXECUTE FUNCTION station_ledger_append_only();
CREATE TRIGGER unit_identifications_no_truncate BEFORE TRUNCATE ON unit_identifications
    FOR EACH STATEMENT EXECUTE FUNCTION station_ledger_append_only();
CREATE TRIGGER step_attempts_append_only BEFORE UPDATE OR DELETE ON step_attempts
    FOR EACH ROW EXECUTE FUNCTION station_ledger_append_only();
CREATE TRIGGER step_attempts_no_truncate BEFORE TRUNCATE ON step_attempts
    FOR EACH STATEMENT EXECUTE FUNCTION station_ledger_append_only();
CREATE TRIGGER fuse_intents_append_only BEFORE UPDATE OR DELETE ON fuse_intents
    FOR EACH ROW EXECUTE FUNCTION station_ledger_append_only();
CREATE TRIGGER fuse_intents_no_truncate BEFORE TRUNCATE ON fuse_intents
    FOR EACH STATEMENT EXECUTE FUNCTION station_ledger_append_only();
CREATE TRIGGER fuse_results_append_only BEFORE UPDATE OR DELETE ON fuse_results
    FOR EACH ROW EXECUTE FUNCTION station_ledger_append_only();
CREATE TRIGGER fuse_results_no_truncate BEFORE TRUNCATE ON fuse_results
    FOR EACH STATEMENT EXECUTE FUNCTION station_ledger_append_only();
CREATE TRIGGER image_writes_append_only BEFORE UPDATE OR DELETE ON image_writes
    FOR EACH ROW EXECUTE FUNCTION station_ledger_append_only();
CREATE TRIGGER image_writes_no_truncate BEFORE TRUNCATE ON image_writes
    FOR EACH STATEMENT EXECUTE FUNCTION station_ledger_append_only();
CREATE TRIGGER log_lines_append_only BEFORE UPDATE OR DELETE ON log_lines
    FOR EACH ROW EXECUTE FUNCTION station_ledger_append_only();
CREATE TRIGGER log_lines_no_truncate BEFORE TRUNCATE ON log_lines
    FOR EACH STATEMENT EXECUTE FUNCTION station_ledger_append_only();
CREATE TRIGGER run_ends_append_only BEFORE UPDATE OR DELETE ON run_ends
    FOR EACH ROW EXECUTE FUNCTION station_ledger_append_only();
CREATE TRIGGER run_ends_no_truncate BEFORE TRUNCATE ON run_ends
    FOR EACH STATEMENT EXECUTE FUNCTION station_ledger_append_only();
