import type { RunDetail } from "../api/types";
import { fuseRows, imageRows, retryCount, timeline } from "../logic/runDetail";
import { formatBytes, formatClock, formatDateTime, formatDuration, formatFailureClass } from "../logic/format";
import { ResultBlock } from "./SlotTile";

const ICON = { succeeded: "✓", failed: "✗", running: "…" } as const;
const WORD = { succeeded: "succeeded", failed: "failed", running: "running" } as const;

/** A run's full record: who, what, every attempt, fuse words, images and log. */
export function RunDetailView({ run, headingLevel = 3 }: { run: RunDetail; headingLevel?: 3 | 4 }) {
  const H = headingLevel === 3 ? "h3" : "h4";
  const rows = timeline(run.steps);
  const fuses = fuseRows(run.fuses);
  const images = imageRows(run.images);
  const retries = retryCount(run.steps);
  return (
    <div className="run-detail" data-run={run.runId}>
      {run.result ? <ResultBlock result={run.result} /> : <p className="tile__state">Running</p>}
      <dl className="kv section">
        <dt>Run</dt>
        <dd className="mono">{run.runId}</dd>
        <dt>Slot</dt>
        <dd>{run.slot}</dd>
        <dt>Serial number</dt>
        <dd>{run.serialNumber ?? "–"}</dd>
        <dt>Chip UID</dt>
        <dd className="mono">{run.chipUid ?? "–"}</dd>
        <dt>Recipe</dt>
        <dd>
          {run.recipe.name} v{run.recipe.version} <span className="mono hash">sha256 {run.recipe.sha256}</span>
        </dd>
        <dt>Operator</dt>
        <dd>{run.operator ?? "–"}</dd>
        <dt>Started</dt>
        <dd>{formatDateTime(run.startedAt)}</dd>
        <dt>Ended</dt>
        <dd>{formatDateTime(run.endedAt)}</dd>
        {run.result?.failureClass && (
          <>
            <dt>Failure</dt>
            <dd>{formatFailureClass(run.result.failureClass)}</dd>
          </>
        )}
      </dl>

      <section className="section">
        <H>
          Steps{retries > 0 ? ` (${retries} ${retries === 1 ? "retry" : "retries"})` : ""}
        </H>
        {rows.length === 0 ? (
          <p className="hint">No steps yet.</p>
        ) : (
          <ol className="timeline">
            {rows.map((r) => (
              <li key={r.key} data-step={r.step} data-status={r.status}>
                <span className={`icon ${r.status === "succeeded" ? "ok" : r.status === "failed" ? "failed" : ""}`} aria-hidden="true">
                  {ICON[r.status]}
                </span>
                <div>
                  <strong>{r.stepText}</strong>
                  {r.attempt > 1 && <> — attempt {r.attempt}</>} <span className="sr-only">{WORD[r.status]}</span>
                  {r.status === "failed" && <span className="failed"> failed</span>}
                  {r.retryReason && <div className="retry">Retried because: {r.retryReason}</div>}
                  {(r.statusText || r.reason) && (
                    <div className="failed">
                      {r.statusText}
                      {r.statusText && r.reason ? " — " : ""}
                      {r.reason}
                    </div>
                  )}
                </div>
                <span className="mono">
                  {formatClock(r.startedAt)} · {formatDuration(r.durationSeconds)}
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section className="section">
        <H>Fuse words</H>
        {fuses.length === 0 ? (
          <p className="hint">This run read or burned no fuse words.</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>Word</th>
                  <th>Decision</th>
                  <th className="num">Requested / mask</th>
                  <th className="num">Before</th>
                  <th className="num">After</th>
                  <th className="num">Burned bits</th>
                  <th>Verified</th>
                </tr>
              </thead>
              <tbody className="mono">
                {fuses.map((f) => (
                  <tr key={f.index}>
                    <td>
                      {f.name} ({f.index})
                    </td>
                    <td>{f.decision}</td>
                    <td className="num">
                      {f.requested} / {f.mask}
                    </td>
                    <td className="num">{f.before}</td>
                    <td className="num">{f.after}</td>
                    <td className="num">{f.burned}</td>
                    <td>{f.verified == null ? "–" : f.verified ? "✓ yes" : "✗ NO"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="section">
        <H>Images</H>
        {images.length === 0 ? (
          <p className="hint">No image written yet.</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>Memory / address</th>
                  <th className="num">Length</th>
                  <th>Image SHA-256</th>
                  <th>Read back SHA-256</th>
                  <th>Match</th>
                </tr>
              </thead>
              <tbody className="mono">
                {images.map((i, n) => (
                  <tr key={n}>
                    <td>
                      {i.memoryId} @ {i.address}
                    </td>
                    <td className="num">{formatBytes(i.length)}</td>
                    <td className="hash">{i.imageSha256}</td>
                    <td className="hash">{i.readBackSha256 ?? "–"}</td>
                    <td>{i.matches == null ? "not read back" : i.matches ? "✓ same" : "✗ DIFFERS"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="section">
        <H>Log</H>
        {run.log.length === 0 ? (
          <p className="hint">No log lines.</p>
        ) : (
          <ol className="log" aria-label="Run log">
            {run.log.map((l, n) => (
              <li key={n} className={`lvl-${l.level}`}>
                {formatClock(l.at)} {l.level.slice(0, 4).toUpperCase()} {l.message}
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
