-- QA views over the append-only tables (docs/DATA.md, "QA views"). "Current state" is always a
-- query: the newest identification and end of each run win. Hashes are shown as lower-case hex.

CREATE VIEW run_summary AS
WITH ident AS (
    SELECT run_id, chip_uid, serial_number, flashloader_version,
           ROW_NUMBER() OVER (PARTITION BY run_id ORDER BY recorded_at DESC, sequence DESC) AS n
    FROM unit_identifications
), ends AS (
    SELECT run_id, ended_at, outcome, failure_class, device_status, attempts, message,
           ROW_NUMBER() OVER (PARTITION BY run_id ORDER BY recorded_at DESC, sequence DESC) AS n
    FROM run_ends
)
SELECT s.run_id,
       s.station_id,
       s.slot,
       s.operator,
       s.recipe_name,
       s.recipe_version,
       encode(s.recipe_sha256, 'hex')                AS recipe_sha256,
       s.tool_version,
       COALESCE(u.flashloader_version, s.flashloader_version) AS flashloader_version,
       COALESCE(u.serial_number, s.serial_number)    AS serial_number,
       u.chip_uid,
       s.started_at,
       e.ended_at,
       e.outcome,
       e.failure_class,
       e.device_status,
       e.attempts,
       e.message
FROM run_starts s
LEFT JOIN ident u ON u.run_id = s.run_id AND u.n = 1
LEFT JOIN ends e ON e.run_id = s.run_id AND e.n = 1;

CREATE VIEW open_runs AS
SELECT * FROM run_summary WHERE ended_at IS NULL;

CREATE VIEW unit_summary AS
SELECT r.chip_uid,
       (SELECT x.serial_number FROM run_summary x
         WHERE x.chip_uid = r.chip_uid AND x.serial_number IS NOT NULL
         ORDER BY x.started_at DESC LIMIT 1)                                 AS serial_number,
       MIN(r.started_at)                                                     AS first_seen,
       MAX(COALESCE(r.ended_at, r.started_at))                               AS last_seen,
       COUNT(*)                                                              AS runs,
       SUM(CASE WHEN r.outcome = 'passed' THEN 1 ELSE 0 END)                 AS passed_runs,
       (SELECT x.outcome FROM run_summary x
         WHERE x.chip_uid = r.chip_uid ORDER BY x.started_at DESC LIMIT 1)   AS last_outcome,
       (SELECT x.station_id FROM run_summary x
         WHERE x.chip_uid = r.chip_uid ORDER BY x.started_at DESC LIMIT 1)   AS last_station_id
FROM run_summary r
WHERE r.chip_uid IS NOT NULL
GROUP BY r.chip_uid;

CREATE VIEW fuse_history AS
SELECT i.chip_uid,
       rs.serial_number,
       i.station_id,
       i.run_id,
       i.intent_id,
       i.fuse_index,
       i.fuse_name,
       i.requested_value,
       i.mask,
       i.value_before,
       i.approval_reference,
       i.recorded_at           AS intent_at,
       f.outcome,
       f.value_after,
       f.verified,
       f.device_status,
       f.run_id                AS result_run_id,
       f.recorded_at           AS result_at,
       (f.intent_id IS NULL)   AS unresolved
FROM fuse_intents i
LEFT JOIN fuse_results f ON f.intent_id = i.intent_id
LEFT JOIN run_summary rs ON rs.run_id = i.run_id;

CREATE VIEW unresolved_fuse_intents AS
SELECT i.chip_uid, i.station_id, i.run_id, i.intent_id, i.fuse_index, i.fuse_name,
       i.requested_value, i.mask, i.value_before, i.recorded_at
FROM fuse_intents i
WHERE NOT EXISTS (SELECT 1 FROM fuse_results f WHERE f.intent_id = i.intent_id);

-- Failures counted by where (station, slot), what (run outcome or failed step) and the device's
-- status code: the first place QA looks when a slot or a status code starts to stand out.
CREATE VIEW failures_by_status_and_slot AS
SELECT s.station_id, s.slot, 'run'::text AS kind, NULL::text AS step_name, e.outcome, e.failure_class,
       e.device_status, COUNT(*) AS failures, MAX(e.ended_at) AS last_seen
FROM run_ends e
JOIN run_starts s ON s.run_id = e.run_id
WHERE e.outcome <> 'passed'
GROUP BY s.station_id, s.slot, e.outcome, e.failure_class, e.device_status
UNION ALL
SELECT s.station_id, s.slot, 'step'::text, a.step_name, a.result, NULL::text,
       a.device_status, COUNT(*), MAX(a.ended_at)
FROM step_attempts a
JOIN run_starts s ON s.run_id = a.run_id
WHERE a.result = 'failed'
GROUP BY s.station_id, s.slot, a.step_name, a.result, a.device_status;
