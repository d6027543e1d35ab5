import { useEffect, useState, type FormEvent } from "react";
import type { LedgerVerify, Me, UnitPage, UnitRecord } from "../api/types";
import { api, recordUrl } from "../api/client";
import { can } from "../logic/roles";
import { formatDateTime, formatOutcome } from "../logic/format";
import { RunDetailView } from "./RunDetailView";

interface Props {
  me: Me;
  query: string | null;
  onQuery: (query: string | null) => void;
}

const PAGE_SIZE = 20;

/** QA: find a unit by serial number or chip UID, show its full record, export it. */
export function QaPage({ me, query, onQuery }: Props) {
  const [text, setText] = useState(query ?? "");
  const [unit, setUnit] = useState<UnitRecord | null>(null);
  const [status, setStatus] = useState<"idle" | "loading" | "notFound" | "error">("idle");
  const [error, setError] = useState<string | null>(null);

  useEffect(() => setText(query ?? ""), [query]);

  useEffect(() => {
    if (!query) {
      setUnit(null);
      setStatus("idle");
      return;
    }
    let alive = true;
    setStatus("loading");
    api.unit(query).then(
      (u) => {
        if (!alive) return;
        setUnit(u);
        setStatus(u ? "idle" : "notFound");
      },
      (e: unknown) => {
        if (!alive) return;
        setStatus("error");
        setError(e instanceof Error ? e.message : String(e));
      },
    );
    return () => {
      alive = false;
    };
  }, [query]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onQuery(text.trim() || null);
  };

  const key = query ?? "";
  return (
    <>
      <h1 className="page-title">Unit look-up</h1>
      <form className="search" role="search" onSubmit={submit}>
        <div className="field">
          <label htmlFor="unit-query">Serial number or chip UID</label>
          <input id="unit-query" value={text} autoFocus autoComplete="off" spellCheck={false} onChange={(e) => setText(e.target.value)} />
        </div>
        <button type="submit" className="primary">
          Find unit
        </button>
      </form>
      <div aria-live="polite">
        {status === "loading" && <p>Looking up {key}…</p>}
        {status === "notFound" && <p className="error">No unit with serial number or chip UID “{key}”.</p>}
        {status === "error" && (
          <p className="error" role="alert">
            Look-up failed: {error}
          </p>
        )}
      </div>
      {unit && status === "idle" && <UnitView unit={unit} query={key} canExport={can(me.roles, "exportRecord")} />}
      {!query && <RecentUnits onPick={onQuery} />}
      {can(me.roles, "verifyLedger") && <LedgerCheck />}
    </>
  );
}

function UnitView({ unit, query, canExport }: { unit: UnitRecord; query: string; canExport: boolean }) {
  const runs = [...unit.runs].sort((a, b) => (a.startedAt < b.startedAt ? 1 : -1));
  return (
    <section className="card" aria-labelledby="unit-title" data-testid="unit-record">
      <h2 id="unit-title">Unit {unit.serialNumber ?? unit.chipUid}</h2>
      <dl className="kv section">
        <dt>Serial number</dt>
        <dd>{unit.serialNumber ?? "–"}</dd>
        <dt>Chip UID</dt>
        <dd className="mono">{unit.chipUid ?? "–"}</dd>
        <dt>First seen</dt>
        <dd>{formatDateTime(unit.firstSeen)}</dd>
        <dt>Last seen</dt>
        <dd>{formatDateTime(unit.lastSeen)}</dd>
        <dt>Runs</dt>
        <dd>{unit.runs.length}</dd>
      </dl>
      {canExport && (
        <div className="exports">
          <a className="button" href={recordUrl(query, "json")} download>
            Export JSON
          </a>
          <a className="button" href={recordUrl(query, "csv")} download>
            Export CSV
          </a>
        </div>
      )}
      {runs.map((run, i) => (
        <details key={run.runId} open={i === 0} className="section">
          <summary>
            <strong>
              {run.result ? formatOutcome(run.result.outcome).word : "RUNNING"}
            </strong>{" "}
            — {formatDateTime(run.startedAt)} on {run.slot}, {run.recipe.name} v{run.recipe.version}
          </summary>
          <RunDetailView run={run} headingLevel={4} />
        </details>
      ))}
    </section>
  );
}

function RecentUnits({ onPick }: { onPick: (query: string) => void }) {
  const [page, setPage] = useState(1);
  const [outcome, setOutcome] = useState("");
  const [data, setData] = useState<UnitPage | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let alive = true;
    api.units({ page, pageSize: PAGE_SIZE, outcome: outcome || undefined }).then(
      (d) => alive && setData(d),
      (e: unknown) => alive && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      alive = false;
    };
  }, [page, outcome]);

  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  return (
    <section className="card" aria-labelledby="recent-title">
      <h2 id="recent-title">Recent units</h2>
      <div className="search">
        <div className="field">
          <label htmlFor="outcome-filter">Last outcome</label>
          <select
            id="outcome-filter"
            value={outcome}
            onChange={(e) => {
              setOutcome(e.target.value);
              setPage(1);
            }}
          >
            <option value="">any</option>
            <option value="Passed">PASS</option>
            <option value="Failed">FAIL</option>
            <option value="Quarantined">QUARANTINE</option>
            <option value="Cancelled">CANCELLED</option>
            <option value="Interrupted">INTERRUPTED</option>
          </select>
        </div>
      </div>
      {error && <p className="error">Could not list units: {error}</p>}
      {data && data.items.length === 0 && <p>No units.</p>}
      {data && data.items.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>Serial number</th>
                <th>Chip UID</th>
                <th>Last outcome</th>
                <th>Last run</th>
                <th>Recipe</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((u) => {
                const id = u.serialNumber ?? u.chipUid ?? "";
                return (
                  <tr key={`${u.serialNumber}-${u.chipUid}`}>
                    <td>
                      <a href={`#/qa/${encodeURIComponent(id)}`} onClick={(e) => { e.preventDefault(); onPick(id); }}>
                        {u.serialNumber ?? "–"}
                      </a>
                    </td>
                    <td className="mono">{u.chipUid ?? "–"}</td>
                    <td>{formatOutcome(u.lastOutcome).word}</td>
                    <td>{formatDateTime(u.lastRunAt)}</td>
                    <td>{typeof u.recipe === "string" ? u.recipe : `${u.recipe.name} v${u.recipe.version}`}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {data && pages > 1 && (
        <nav className="exports" aria-label="Pages">
          <button type="button" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>
            Previous
          </button>
          <span>
            Page {page} of {pages}
          </span>
          <button type="button" disabled={page >= pages} onClick={() => setPage((p) => p + 1)}>
            Next
          </button>
        </nav>
      )}
    </section>
  );
}

function LedgerCheck() {
  const [result, setResult] = useState<LedgerVerify | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const check = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await api.verifyLedger());
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-labelledby="ledger-title">
      <h2 id="ledger-title">Ledger</h2>
      <p className="hint">Checks that no provisioning record was changed or removed.</p>
      <button type="button" onClick={() => void check()} disabled={busy}>
        {busy ? "Checking…" : "Verify the ledger"}
      </button>
      <div aria-live="polite">
        {result?.ok && <p>✓ Intact: {result.records} records.</p>}
        {result && !result.ok && (
          <p className="error">
            ✗ Broken at: <span className="mono">{JSON.stringify(result.firstBroken)}</span>
          </p>
        )}
        {error && <p className="error">Check failed: {error}</p>}
      </div>
    </section>
  );
}
