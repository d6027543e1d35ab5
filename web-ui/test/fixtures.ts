import type { RunEndedEvent, RunProgressEvent, RunStepEvent, SlotState, StationInfo } from "../src/api/types";

export function slot(name: string, overrides: Partial<SlotState> = {}): SlotState {
  return {
    slot: name,
    portPath: `1-1.${name.replace(/\D/g, "") || "1"}`,
    board: null,
    state: "idle",
    step: null,
    runId: null,
    serialNumber: null,
    progress: null,
    lastResult: null,
    ...overrides,
  };
}

export function at(seconds: number): string {
  return new Date(Date.UTC(2026, 10, 21, 10, 0, 0) + seconds * 1000).toISOString();
}

export function step(slotName: string, runId: string, name: string, status: RunStepEvent["status"], seconds: number, overrides: Partial<RunStepEvent> = {}): RunStepEvent {
  return {
    runId,
    slot: slotName,
    step: name,
    attempt: 1,
    status,
    retryReason: null,
    failureClass: null,
    deviceStatus: null,
    reason: null,
    durationSeconds: status === "started" ? null : 0.5,
    at: at(seconds),
    ...overrides,
  };
}

export function progress(slotName: string, runId: string, name: string, bytes: number, seconds: number, overrides: Partial<RunProgressEvent> = {}): RunProgressEvent {
  return {
    runId,
    slot: slotName,
    step: name,
    bytes,
    total: 1048576,
    bytesPerSecond: 800000,
    elapsedSeconds: seconds,
    at: at(seconds),
    ...overrides,
  };
}

export function ended(slotName: string, runId: string, outcome: RunEndedEvent["outcome"], seconds: number, overrides: Partial<RunEndedEvent> = {}): RunEndedEvent {
  const failed = outcome !== "Passed";
  return {
    slot: slotName,
    runId,
    outcome,
    failureClass: failed ? "DeviceTransient" : null,
    failedStep: failed ? "Erase" : null,
    deviceStatus: failed ? 20106 : null,
    reason: failed ? "Erase failed 3 times: 20106 FlexSPINOR: Command Failure" : null,
    operatorAction: failed ? "Re-seat the board and run it again" : null,
    serialNumber: "SN-1",
    chipUid: "UID-1",
    durationSeconds: 12.5,
    endedAt: at(seconds),
    ...overrides,
  };
}

export const station: StationInfo = {
  name: "line-1 station 2",
  mode: "auto",
  activeRecipe: { name: "rt1064-widget", version: 3, approved: true },
  shift: { since: at(-3600), units: 120, passed: 115, unitsPerHour: 96, yield: 0.958, firstPassYield: 0.925 },
};
