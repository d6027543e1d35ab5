// The run drawer's data: the step timeline (every attempt, its retry reason and failure), fuse words
// before/after, image hashes, and the log; live events of the open run are folded into it.
import type { FuseRecord, ImageRecord, LogLine, RunDetail, RunEndedEvent, RunLogEvent, RunStepEvent, StepRecord } from "../api/types";
import { RUN_STEPS } from "../api/types";
import { compareTimes, resultOf } from "./slots";
import { formatStatus, formatStep, hex32 } from "./format";

export type AttemptStatus = "running" | "succeeded" | "failed";

export interface TimelineRow {
  key: string;
  step: string;
  stepText: string;
  attempt: number;
  isRetry: boolean;
  status: AttemptStatus;
  startedAt: string;
  durationSeconds: number | null;
  retryReason: string | null;
  reason: string | null;
  statusText: string | null;
}

function stepOrder(step: string): number {
  const i = (RUN_STEPS as readonly string[]).indexOf(step);
  return i < 0 ? RUN_STEPS.length : i;
}

/** Every attempt of every step, in the order they ran. */
export function timeline(steps: readonly StepRecord[]): TimelineRow[] {
  return [...steps]
    .sort((a, b) => compareTimes(a.startedAt, b.startedAt) || stepOrder(a.step) - stepOrder(b.step) || a.attempt - b.attempt)
    .map((s) => ({
      key: `${s.step}#${s.attempt}`,
      step: s.step,
      stepText: formatStep(s.step),
      attempt: s.attempt,
      isRetry: s.attempt > 1,
      status: s.succeeded == null ? "running" : s.succeeded ? "succeeded" : "failed",
      startedAt: s.startedAt,
      durationSeconds: s.durationSeconds ?? null,
      retryReason: s.retryReason ?? null,
      reason: s.reason ?? null,
      statusText: s.deviceStatus != null ? formatStatus(s.deviceStatus) : null,
    }));
}

/** Attempts beyond the first, over all steps. */
export function retryCount(steps: readonly StepRecord[]): number {
  return steps.filter((s) => s.attempt > 1).length;
}

export interface FuseRow {
  index: number;
  name: string;
  requested: string;
  mask: string;
  before: string;
  after: string;
  /** Bits that changed from before to after ("0x00000010"), "–" when nothing was burned. */
  burned: string;
  decision: FuseRecord["decision"];
  verified: boolean | null;
  approvalReference: string | null;
}

export function fuseRows(fuses: readonly FuseRecord[]): FuseRow[] {
  return [...fuses]
    .sort((a, b) => a.index - b.index)
    .map((f) => ({
      index: f.index,
      name: f.name,
      requested: hex32(f.requested),
      mask: hex32(f.mask),
      before: hex32(f.before),
      after: f.after == null ? "–" : hex32(f.after),
      burned: f.after == null || ((f.before ^ f.after) >>> 0) === 0 ? "–" : hex32(f.before ^ f.after),
      decision: f.decision,
      verified: f.verified ?? null,
      approvalReference: f.approvalReference ?? null,
    }));
}

export interface ImageRow {
  memoryId: number;
  address: string;
  length: number;
  imageSha256: string;
  readBackSha256: string | null;
  /** True when read back equals written, false when it differs, null when not read back. */
  matches: boolean | null;
}

export function imageRows(images: readonly ImageRecord[]): ImageRow[] {
  return images.map((i) => ({
    memoryId: i.memoryId,
    address: hex32(i.address),
    length: i.length,
    imageSha256: i.imageSha256,
    readBackSha256: i.readBackSha256 ?? null,
    matches: i.readBackSha256 == null ? null : i.readBackSha256.toLowerCase() === i.imageSha256.toLowerCase(),
  }));
}

export type RunEvent =
  | { type: "runStep"; event: RunStepEvent }
  | { type: "runLog"; event: RunLogEvent }
  | { type: "runEnded"; event: RunEndedEvent };

function upsertStep(steps: readonly StepRecord[], event: RunStepEvent): StepRecord[] {
  const index = steps.findIndex((s) => s.step === event.step && s.attempt === event.attempt);
  const existing = index >= 0 ? steps[index] : undefined;
  if (existing && existing.succeeded != null && event.status === "started") return [...steps]; // late "started"
  const record: StepRecord = {
    step: event.step,
    attempt: event.attempt,
    startedAt: existing?.startedAt ?? event.at,
    durationSeconds: event.status === "started" ? (existing?.durationSeconds ?? null) : (event.durationSeconds ?? existing?.durationSeconds ?? null),
    succeeded: event.status === "started" ? (existing?.succeeded ?? null) : event.status === "succeeded",
    failureClass: event.failureClass ?? existing?.failureClass ?? null,
    deviceStatus: event.deviceStatus ?? existing?.deviceStatus ?? null,
    reason: event.reason ?? existing?.reason ?? null,
    retryReason: event.retryReason ?? existing?.retryReason ?? null,
  };
  const next = [...steps];
  if (index >= 0) next[index] = record;
  else next.push(record);
  return next;
}

function insertLog(log: readonly LogLine[], event: RunLogEvent): LogLine[] {
  if (log.some((l) => l.at === event.at && l.message === event.message && l.level === event.level)) return [...log];
  const line: LogLine = { at: event.at, level: event.level, message: event.message };
  const next = [...log];
  let i = next.length;
  while (i > 0 && compareTimes(next[i - 1]!.at, line.at) > 0) i--;
  next.splice(i, 0, line);
  return next;
}

/** Folds a live event of this run into its detail; events of other runs leave it as it is. */
export function applyRunEvent(detail: RunDetail, action: RunEvent): RunDetail {
  if (action.event.runId !== detail.runId) return detail;
  switch (action.type) {
    case "runStep":
      return { ...detail, steps: upsertStep(detail.steps, action.event) };
    case "runLog":
      return { ...detail, log: insertLog(detail.log, action.event) };
    case "runEnded":
      return { ...detail, result: resultOf(action.event), endedAt: action.event.endedAt ?? detail.endedAt };
  }
}
