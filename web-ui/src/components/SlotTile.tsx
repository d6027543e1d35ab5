import { memo } from "react";
import type { Role, RunResult } from "../api/types";
import type { SlotView } from "../logic/slots";
import { offer } from "../logic/roles";
import {
  formatBytesOf,
  formatDuration,
  formatOutcome,
  formatRate,
  formatStatus,
  formatStep,
  percentOf,
} from "../logic/format";
import { ActionButton } from "./ActionButton";

interface Props {
  slot: SlotView;
  roles: readonly Role[];
  mode: "auto" | "directed" | null;
  onOpenRun: (runId: string) => void;
  onCancel: (slot: SlotView) => void;
  onStart: (slot: SlotView) => void;
}

export function stateText(slot: SlotView): string {
  switch (slot.state) {
    case "idle":
      if (!slot.board) return "Idle — no board";
      return slot.board.mode === "Rom" ? "Idle — board in boot ROM" : "Idle — board in flashloader";
    case "waiting":
      return "Waiting for board";
    case "running":
      return slot.step ? `${formatStep(slot.step)}${slot.attempt != null && slot.attempt > 1 ? ` — attempt ${slot.attempt}` : ""}` : "Starting";
    case "done":
      return "Done";
    default:
      return String(slot.state);
  }
}

function ProgressBar({ slot }: { slot: SlotView }) {
  const p = slot.progress && (slot.step == null || slot.progress.step === slot.step) ? slot.progress : null;
  const percent = p ? percentOf(p.bytes, p.total) : null;
  const label = `${slot.slot} progress`;
  if (!p || percent == null) {
    return (
      <div className="progress" role="progressbar" aria-label={label} aria-valuetext={`${formatStep(slot.step)}, working`}>
        <div className="progress__bar progress__bar--indeterminate" />
      </div>
    );
  }
  return (
    <>
      <div
        className="progress"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent} %, ${formatBytesOf(p.bytes, p.total)}`}
      >
        <div className="progress__bar" style={{ transform: `scaleX(${percent / 100})` }} />
      </div>
      <div className="progress__text">
        {/* One text node each: the line changes ten times a second on every running tile. */}
        <strong>{`${percent} %`}</strong>
        {` · ${formatBytesOf(p.bytes, p.total)} · ${formatRate(p.bytesPerSecond)} · ${formatDuration(p.elapsedSeconds)}`}
      </div>
    </>
  );
}

export function ResultBlock({ result, small = false }: { result: RunResult; small?: boolean }) {
  const o = formatOutcome(result.outcome);
  const failed = result.outcome !== "Passed";
  return (
    <div className={`result result--${o.tone}${small ? " result--small" : ""}`} data-outcome={result.outcome}>
      <div className="result__word">
        <span aria-hidden="true">{o.symbol}</span>
        <span>{small ? `Last unit: ${o.word}` : o.word}</span>
      </div>
      {!small && failed && (
        <>
          {/* What to do first: a tile has a fixed height, and this is what the operator needs. */}
          {result.operatorAction && (
            <div className="result__action clamp-3" title={result.operatorAction}>
              What to do: {result.operatorAction}
            </div>
          )}
          {result.reason && (
            <div className="result__reason clamp-2" title={result.reason}>
              {result.reason}
            </div>
          )}
          {(result.failedStep || result.deviceStatus != null) && (
            <div className="result__meta clamp-1">
              {result.failedStep && <>at {formatStep(result.failedStep)}</>}
              {result.deviceStatus != null && <> · {formatStatus(result.deviceStatus)}</>}
            </div>
          )}
        </>
      )}
      {!small && (
        <div className="result__meta">
          {result.serialNumber ?? result.chipUid ?? "unit"} · {formatDuration(result.durationSeconds)}
        </div>
      )}
    </div>
  );
}

/**
 * One slot. Memoised: a hub event changes one slot's view (the reducer keeps the others' objects),
 * so only that tile renders again; the callbacks it gets are stable.
 */
export const SlotTile = memo(function SlotTile({ slot, roles, mode, onOpenRun, onCancel, onStart }: Props) {
  const result = slot.lastResult;
  const showResult = slot.state === "done" && result != null;
  const tone = showResult ? formatOutcome(result.outcome).tone : "neutral";
  const live = slot.state === "running" || slot.state === "waiting";
  const runId = live ? slot.runId : (result?.runId ?? slot.runId);
  const headingId = `tile-${slot.slot.replace(/\W+/g, "-")}`;
  const failure = slot.state === "running" ? slot.lastStepFailure : null;

  // data-seq: the slot's sequence number this tile shows (the dashboard benchmark reads it).
  return (
    <article className={`tile tile--${tone}`} aria-labelledby={headingId} data-slot={slot.slot} data-state={slot.state} data-seq={slot.seq}>
      <div className="tile__head">
        <h2 id={headingId} className="tile__name">
          {slot.slot}
        </h2>
        <span className="tile__port">port {slot.portPath}</span>
      </div>
      <div className="tile__state">{stateText(slot)}</div>
      {live && slot.serialNumber && <div className="tile__sub">Unit {slot.serialNumber}</div>}
      {slot.state === "running" && <ProgressBar slot={slot} />}
      {(failure || (slot.state === "running" && slot.retryReason)) && (
        <div className="tile__retry clamp-2">
          {failure
            ? `Retrying ${formatStep(failure.step)} after attempt ${failure.attempt}: ${failure.deviceStatus != null ? formatStatus(failure.deviceStatus) : (failure.reason ?? "failed")}`
            : `Retry: ${slot.retryReason}`}
        </div>
      )}
      <div className="tile__result" aria-live="polite" aria-atomic="true">
        {showResult && (
          <>
            <span className="sr-only">{slot.slot}: </span>
            <ResultBlock result={result} />
          </>
        )}
        {slot.state === "idle" && result && <ResultBlock result={result} small />}
      </div>
      <div className="tile__actions">
        {runId && (
          <button type="button" onClick={() => onOpenRun(runId)} aria-label={`Details of the run on ${slot.slot}`}>
            Details
          </button>
        )}
        {live && (
          <ActionButton offer={offer(roles, "cancelRun")} hideWhenNotAllowed onClick={() => onCancel(slot)} label={`Cancel the run on ${slot.slot}`}>
            Cancel run
          </ActionButton>
        )}
        {!live && mode === "directed" && (
          <ActionButton offer={offer(roles, "startRun")} hideWhenNotAllowed className="primary" onClick={() => onStart(slot)} label={`Start a run on ${slot.slot}`}>
            Start run
          </ActionButton>
        )}
      </div>
    </article>
  );
});
