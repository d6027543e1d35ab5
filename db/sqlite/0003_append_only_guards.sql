-- The ledger tables are append-only: refuse UPDATE and DELETE. This stops accidents and casual
-- edits; someone who can drop a trigger can still change rows, and the hash chain is what detects
-- that (docs/DATA.md, "What is detected").

CREATE TRIGGER station_sessions_no_update BEFORE UPDATE ON station_sessions
BEGIN SELECT RAISE(ABORT, 'station_sessions is append-only: UPDATE refused'); END;
CREATE TRIGGER station_sessions_no_delete BEFORE DELETE ON station_sessions
BEGIN SELECT RAISE(ABORT, 'station_sessions is append-only: DELETE refused'); END;
CREATE TRIGGER run_starts_no_update BEFORE UPDATE ON run_starts
BEGIN SELECT RAISE(ABORT, 'run_starts is append-only: UPDATE refused'); END;
CREATE TRIGGER run_starts_no_delete BEFORE DELETE ON run_starts
BEGIN SELECT RAISE(ABORT, 'run_starts is append-only: DELETE refused'); END;
CREATE TRIGGER unit_identifications_no_update BEFORE UPDATE ON unit_identifications
BEGIN SELECT RAISE(ABORT, 'unit_identifications is append-only: UPDATE refused'); END;
CREATE TRIGGER unit_identifications_no_delete BEFORE DELETE ON unit_identifications
BEGIN SELECT RAISE(ABORT, 'unit_identifications is append-only: DELETE refused'); END;
CREATE TRIGGER step_attempts_no_update BEFORE UPDATE ON step_attempts
BEGIN SELECT RAISE(ABORT, 'step_attempts is append-only: UPDATE refused'); END;
CREATE TRIGGER step_attempts_no_delete BEFORE DELETE ON step_attempts
BEGIN SELECT RAISE(ABORT, 'step_attempts is append-only: DELETE refused'); END;
CREATE TRIGGER fuse_intents_no_update BEFORE UPDATE ON fuse_intents
BEGIN SELECT RAISE(ABORT, 'fuse_intents is append-only: UPDATE refused'); END;
CREATE TRIGGER fuse_intents_no_delete BEFORE DELETE ON fuse_intents
BEGIN SELECT RAISE(ABORT, 'fuse_intents is append-only: DELETE refused'); END;
CREATE TRIGGER fuse_results_no_update BEFORE UPDATE ON fuse_results
BEGIN SELECT RAISE(ABORT, 'fuse_results is append-only: UPDATE refused'); END;
CREATE TRIGGER fuse_results_no_delete BEFORE DELETE ON fuse_results
BEGIN SELECT RAISE(ABORT, 'fuse_results is append-only: DELETE refused'); END;
CREATE TRIGGER image_writes_no_update BEFORE UPDATE ON image_writes
BEGIN SELECT RAISE(ABORT, 'image_writes is append-only: UPDATE refused'); END;
CREATE TRIGGER image_writes_no_delete BEFORE DELETE ON image_writes
BEGIN SELECT RAISE(ABORT, 'image_writes is append-only: DELETE refused'); END;
CREATE TRIGGER log_lines_no_update BEFORE UPDATE ON log_lines
BEGIN SELECT RAISE(ABORT, 'log_lines is append-only: UPDATE refused'); END;
CREATE TRIGGER log_lines_no_delete BEFORE DELETE ON log_lines
BEGIN SELECT RAISE(ABORT, 'log_lines is append-only: DELETE refused'); END;
CREATE TRIGGER run_ends_no_update BEFORE UPDATE ON run_ends
BEGIN SELECT RAISE(ABORT, 'run_ends is append-only: UPDATE refused'); END;
CREATE TRIGGER run_ends_no_delete BEFORE DELETE ON run_ends
BEGIN SELECT RAISE(ABORT, 'run_ends is append-only: DELETE refused'); END;
