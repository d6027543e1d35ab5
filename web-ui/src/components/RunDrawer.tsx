import { useEffect, useRef, useState } from "react";
import type { RunDetail } from "../api/types";
import type { StationHub } from "../api/hub";
import { api, ApiError } from "../api/client";
import { applyRunEvent } from "../logic/runDetail";
import { RunDetailView } from "./RunDetailView";

interface Props {
  runId: string | null;
  hub: StationHub | null;
  qaLink: boolean;
  onClose: () => void;
}

/** The run drawer: the run's record, kept live from the hub while it is open. */
export function RunDrawer({ runId, hub, qaLink, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const [run, setRun] = useState<RunDetail | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (runId && !dialog.open) dialog.showModal();
    if (!runId && dialog.open) dialog.close();
  }, [runId]);

  useEffect(() => {
    if (!runId) return;
    let alive = true;
    setRun(null);
    setError(null);
    const load = () =>
      api.run(runId).then(
        (detail) => alive && setRun(detail),
        (e: unknown) => alive && setError(e instanceof ApiError && e.status === 404 ? "No run with this id." : String(e instanceof Error ? e.message : e)),
      );
    void load();
    const offEvents = hub?.onRunEvent((event) => {
      if (event.event.runId !== runId) return;
      setRun((current) => (current ? applyRunEvent(current, event) : current));
      // The end brings fuse words and image hashes that only the record has.
      if (event.type === "runEnded") void load();
    });
    const offResync = hub?.onResync(() => void load());
    return () => {
      alive = false;
      offEvents?.();
      offResync?.();
    };
  }, [runId, hub]);

  const unit = run?.serialNumber ?? run?.chipUid ?? null;
  return (
    <dialog ref={ref} className="drawer" aria-labelledby="drawer-title" onClose={onClose}>
      <div className="drawer__head">
        <h2 id="drawer-title">
          Run on {run?.slot ?? "…"}
          {unit ? ` — ${unit}` : ""}
        </h2>
        <div className="tile__actions">
          {qaLink && unit && (
            <a className="button" href={`#/qa/${encodeURIComponent(unit)}`}>
              Unit record
            </a>
          )}
          <button type="button" onClick={onClose} autoFocus>
            Close
          </button>
        </div>
      </div>
      <div className="drawer__body">
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {!run && !error && <p>Loading…</p>}
        {run && <RunDetailView run={run} />}
      </div>
    </dialog>
  );
}
