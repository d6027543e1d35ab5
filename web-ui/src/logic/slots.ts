// The dashboard's live state: the slots, the station header and the hub connection, as one pure
// reducer over hub events and REST snapshots (docs/API.md "SignalR hub"; docs/DASHBOARD.md).
//
// Events may come twice or out of order (a throttled progress sample after the step ended, a
// resync snapshot older than the events that arrived while it was fetched). The rules:
// - With the (planned) per-slot `seq`, anything not newer than what the slot has seen is dropped.
// - Without it, runId and `at` decide: nothing of a run that has ended moves the tile again, a step
//   or progress event older than the last one applied is dropped, and a run's end is applied once.
import type {
  FailureClass,
  RunEndedEvent,
  RunProgressEvent,
  RunResult,
  RunStepEvent,
  SlotState,
  StationInfo,
} from "../api/types";
import { compareSlotNames } from "./format";

/** How many ended run ids a slot remembers, to drop their late events. */
const ENDED_MEMORY = 16;

export interface StepFailure {
  step: string;
  attempt: number;
  reason: string | null;
  deviceStatus: number | null;
  failureClass: FailureClass | null;
}

export interface SlotView extends SlotState {
  /** Attempt number of the current step (1 = first try). */
  attempt: number | null;
  /** Why the current step is being repeated, when it is. */
  retryReason: string | null;
  /** The last failed attempt of the running run, while it retries. */
  lastStepFailure: StepFailure | null;
  /** `at` of the last step event applied. */
  stepAt: string | null;
  /** `at` of the last progress event applied. */
  progressAt: string | null;
  /** Runs of this slot known to have ended, newest last. */
  endedRunIds: string[];
}

export type ConnectionStatus = "connecting" | "connected" | "reconnecting" | "disconnected";

export interface ConnectionView {
  status: ConnectionStatus;
  /** Reconnect attempt, counting from 1, while not connected. */
  attempt: number;
  /** Seconds until the next try, when one is scheduled. */
  retryInSeconds: number | null;
  error: string | null;
}

export interface DashboardState {
  slots: Readonly<Record<string, SlotView>>;
  /** Slot names in display order. */
  order: readonly string[];
  station: StationInfo | null;
  connection: ConnectionView;
  /** True once a snapshot arrived after the last (re)connect; false while the tiles may be stale. */
  synced: boolean;
}

export type DashboardAction =
  | { type: "snapshot"; slots: SlotState[] }
  | { type: "slotChanged"; slot: SlotState }
  | { type: "runStep"; event: RunStepEvent }
  | { type: "runProgress"; event: RunProgressEvent }
  | { type: "runEnded"; event: RunEndedEvent }
  | { type: "stationChanged"; station: StationInfo }
  | { type: "connection"; status: ConnectionStatus; attempt?: number; retryInSeconds?: number | null; error?: string | null };

export const initialDashboardState: DashboardState = {
  slots: {},
  order: [],
  station: null,
  connection: { status: "connecting", attempt: 0, retryInSeconds: null, error: null },
  synced: false,
};

const LIVE_STATES = new Set(["running", "waiting"]);

/** Orders two ISO timestamps; equal instants fall back to the text (more fractional digits). */
export function compareTimes(a: string, b: string): number {
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  if (!Number.isNaN(ta) && !Number.isNaN(tb) && ta !== tb) return ta < tb ? -1 : 1;
  return a === b ? 0 : a < b ? -1 : 1;
}

function remember(ended: readonly string[], runId: string): string[] {
  if (ended.includes(runId)) return [...ended];
  const next = [...ended, runId];
  return next.length > ENDED_MEMORY ? next.slice(next.length - ENDED_MEMORY) : next;
}

function isOlderSeq(current: SlotView | undefined, seq: number | undefined): boolean {
  return current?.seq != null && seq != null && seq <= current.seq;
}

function nextSeq(current: SlotView, seq: number | undefined): number | undefined {
  if (seq == null) return current.seq;
  return current.seq == null ? seq : Math.max(current.seq, seq);
}

/** A SlotState from the host turned into a view, keeping what the host does not send. */
export function toSlotView(state: SlotState, previous?: SlotView): SlotView {
  let ended = previous?.endedRunIds ?? [];
  if (state.lastResult) ended = remember(ended, state.lastResult.runId);
  const sameStep = previous != null && previous.runId === state.runId && previous.step === state.step && state.state === "running";
  return {
    ...state,
    progress: state.progress ?? null,
    lastResult: state.lastResult ?? null,
    attempt: sameStep ? previous.attempt : null,
    retryReason: sameStep ? previous.retryReason : null,
    lastStepFailure: previous != null && previous.runId === state.runId && state.state === "running" ? previous.lastStepFailure : null,
    stepAt: sameStep ? previous.stepAt : null,
    progressAt: sameStep ? previous.progressAt : null,
    endedRunIds: [...ended],
  };
}

function withSlot(state: DashboardState, view: SlotView): DashboardState {
  const exists = view.slot in state.slots;
  const order = exists ? state.order : [...state.order, view.slot].sort(compareSlotNames);
  return { ...state, slots: { ...state.slots, [view.slot]: view }, order };
}

function applySnapshot(state: DashboardState, slots: SlotState[]): DashboardState {
  const next: Record<string, SlotView> = {};
  for (const incoming of slots) {
    const current = state.slots[incoming.slot];
    // Events newer than the snapshot arrived while it was fetched: keep them.
    if (current && current.seq != null && incoming.seq != null && incoming.seq < current.seq) {
      next[incoming.slot] = current;
    } else {
      next[incoming.slot] = toSlotView(incoming, current);
    }
  }
  return {
    ...state,
    slots: next,
    order: slots.map((s) => s.slot).sort(compareSlotNames),
    synced: true,
  };
}

function applySlotChanged(state: DashboardState, incoming: SlotState): DashboardState {
  const current = state.slots[incoming.slot];
  if (!current) return withSlot(state, toSlotView(incoming));
  if (isOlderSeq(current, incoming.seq)) return state;
  if (incoming.seq == null) {
    const run = incoming.runId ?? incoming.lastResult?.runId ?? null;
    if (run != null && current.endedRunIds.includes(run)) {
      // A picture of a run that has ended, while it still says "running": late.
      if (LIVE_STATES.has(incoming.state)) return state;
      // A picture of an older ended run, while the slot already runs a newer one: late.
      const currentLive = LIVE_STATES.has(current.state) && current.runId != null && current.runId !== run && !current.endedRunIds.includes(current.runId);
      if (currentLive) return state;
    }
  }
  return withSlot(state, { ...toSlotView(incoming, current), seq: nextSeq(current, incoming.seq) });
}

/** Moves a slot onto a run it hears about first through a step or progress event. */
function adopt(current: SlotView, runId: string): SlotView {
  if (current.runId === runId && LIVE_STATES.has(current.state)) return current.state === "running" ? current : { ...current, state: "running" };
  return {
    ...current,
    runId,
    state: "running",
    step: null,
    progress: null,
    attempt: null,
    retryReason: null,
    lastStepFailure: null,
    stepAt: null,
    progressAt: null,
    serialNumber: current.runId === runId ? current.serialNumber : null,
  };
}

function applyRunStep(state: DashboardState, event: RunStepEvent): DashboardState {
  const current = state.slots[event.slot];
  if (!current || isOlderSeq(current, event.seq)) return state;
  if (current.endedRunIds.includes(event.runId)) return withSlot(state, { ...current, seq: nextSeq(current, event.seq) });
  let view = adopt(current, event.runId);
  view = { ...view, seq: nextSeq(current, event.seq) };
  if (view.stepAt != null && compareTimes(event.at, view.stepAt) < 0) return withSlot(state, view);

  view = { ...view, stepAt: event.at, step: event.step, attempt: event.attempt };
  if (event.status === "started") {
    const progressIsNewer =
      view.progress != null && view.progress.step === event.step && view.progressAt != null && compareTimes(view.progressAt, event.at) > 0;
    view = {
      ...view,
      retryReason: event.attempt > 1 ? event.retryReason : null,
      progress: progressIsNewer ? view.progress : null,
      progressAt: progressIsNewer ? view.progressAt : null,
    };
  } else if (event.status === "failed") {
    view = {
      ...view,
      lastStepFailure: {
        step: event.step,
        attempt: event.attempt,
        reason: event.reason,
        deviceStatus: event.deviceStatus,
        failureClass: event.failureClass,
      },
    };
  } else if (view.lastStepFailure?.step === event.step) {
    view = { ...view, lastStepFailure: null };
  }
  return withSlot(state, view);
}

function applyRunProgress(state: DashboardState, event: RunProgressEvent): DashboardState {
  const current = state.slots[event.slot];
  if (!current || isOlderSeq(current, event.seq)) return state;
  if (current.endedRunIds.includes(event.runId)) return withSlot(state, { ...current, seq: nextSeq(current, event.seq) });
  let view = adopt(current, event.runId);
  view = { ...view, seq: nextSeq(current, event.seq) };
  if (view.progressAt != null && compareTimes(event.at, view.progressAt) <= 0) return withSlot(state, view);
  // A late sample of a step that is already over.
  if (view.step != null && view.step !== event.step && view.stepAt != null && compareTimes(event.at, view.stepAt) < 0) {
    return withSlot(state, view);
  }
  view = {
    ...view,
    step: view.step ?? event.step,
    progress: {
      step: event.step,
      bytes: event.bytes,
      total: event.total,
      bytesPerSecond: event.bytesPerSecond,
      elapsedSeconds: event.elapsedSeconds,
    },
    progressAt: event.at,
  };
  return withSlot(state, view);
}

/** The RunResult part of a runEnded event. */
export function resultOf(event: RunEndedEvent): RunResult {
  const { slot: _slot, seq: _seq, ...result } = event;
  return result;
}

function applyRunEnded(state: DashboardState, event: RunEndedEvent): DashboardState {
  const current = state.slots[event.slot];
  if (!current || isOlderSeq(current, event.seq)) return state;
  const seq = nextSeq(current, event.seq);
  if (current.lastResult?.runId === event.runId && current.endedRunIds.includes(event.runId)) {
    return seq === current.seq ? state : withSlot(state, { ...current, seq });
  }
  const ended = remember(current.endedRunIds, event.runId);
  const movedOn =
    event.seq == null &&
    current.runId != null &&
    current.runId !== event.runId &&
    LIVE_STATES.has(current.state) &&
    !current.endedRunIds.includes(current.runId);
  if (movedOn) return withSlot(state, { ...current, endedRunIds: ended, seq });
  return withSlot(state, {
    ...current,
    seq,
    state: "done",
    runId: event.runId,
    step: null,
    progress: null,
    attempt: null,
    retryReason: null,
    lastStepFailure: null,
    stepAt: null,
    progressAt: null,
    serialNumber: event.serialNumber ?? current.serialNumber,
    lastResult: resultOf(event),
    endedRunIds: ended,
  });
}

export function dashboardReducer(state: DashboardState, action: DashboardAction): DashboardState {
  switch (action.type) {
    case "snapshot":
      return applySnapshot(state, action.slots);
    case "slotChanged":
      return applySlotChanged(state, action.slot);
    case "runStep":
      return applyRunStep(state, action.event);
    case "runProgress":
      return applyRunProgress(state, action.event);
    case "runEnded":
      return applyRunEnded(state, action.event);
    case "stationChanged":
      return { ...state, station: action.station };
    case "connection": {
      const same = action.status === state.connection.status;
      const connection: ConnectionView = {
        status: action.status,
        attempt: action.attempt ?? (action.status === "connected" ? 0 : state.connection.attempt),
        retryInSeconds: action.retryInSeconds !== undefined ? action.retryInSeconds : same ? state.connection.retryInSeconds : null,
        error: action.error !== undefined ? action.error : same ? state.connection.error : null,
      };
      if (action.status === "connected") return { ...state, connection };
      // Whatever arrives before the next snapshot may have missed events: mark the tiles stale.
      // Forget the sequence numbers too: a restarted host counts from 0 again, and only what
      // arrives on the new connection may overrule its snapshot.
      const slots: Record<string, SlotView> = {};
      for (const [name, view] of Object.entries(state.slots)) slots[name] = view.seq == null ? view : { ...view, seq: undefined };
      return { ...state, connection, synced: false, slots };
    }
  }
}

/** The slots in display order. */
export function orderedSlots(state: DashboardState): SlotView[] {
  return state.order.map((name) => state.slots[name]).filter((s): s is SlotView => s != null);
}
