// The JSON shapes of docs/API.md (the contract between the host and this dashboard). Field names
// and value sets are the contract's. `seq` (docs/API.md "Ordering") is sent by Station.Host; it stays
// optional here so the dashboard also works against a host without it (and the mock).

export type Role = "operator" | "engineer" | "qa" | "mes" | "admin";

export interface Me {
  name: string;
  roles: Role[];
}

export type BoardMode = "Rom" | "Flashloader";
export type SlotStateName = "idle" | "waiting" | "running" | "done";
export type RunOutcome = "Passed" | "Failed" | "Quarantined" | "Interrupted" | "Cancelled";
export type FailureClass =
  | "Transport"
  | "DeviceTransient"
  | "DevicePermanent"
  | "FuseConflict"
  | "VerifyMismatch"
  | "StageTimeout"
  | "Internal";

/** Station.Core RunStep, in the order of a run. */
export const RUN_STEPS = [
  "LoadFlashloader",
  "Identify",
  "PlanFuses",
  "ConfigureMemory",
  "Erase",
  "ProgramFcb",
  "WriteImage",
  "Verify",
  "BurnFuses",
  "Reset",
] as const;
export type RunStepName = (typeof RUN_STEPS)[number];

export interface Board {
  mode: BoardMode;
  vendorId: number;
  productId: number;
}

export interface Progress {
  step: string;
  bytes: number;
  total: number;
  bytesPerSecond: number;
  elapsedSeconds: number;
}

export interface RunResult {
  runId: string;
  outcome: RunOutcome;
  failureClass: FailureClass | null;
  failedStep: string | null;
  deviceStatus: number | null;
  reason: string | null;
  operatorAction: string | null;
  serialNumber: string | null;
  chipUid: string | null;
  durationSeconds: number;
  endedAt: string;
}

export interface SlotState {
  slot: string;
  portPath: string;
  board: Board | null;
  state: SlotStateName;
  step: string | null;
  runId: string | null;
  serialNumber: string | null;
  progress: Progress | null;
  lastResult: RunResult | null;
  /** When the host last changed the slot's state (ISO 8601); progress does not move it. */
  at?: string;
  /** Per-slot sequence number; see docs/API.md "Ordering". */
  seq?: number;
}

export interface RunStepEvent {
  runId: string;
  slot: string;
  step: string;
  attempt: number;
  status: "started" | "succeeded" | "failed";
  retryReason: string | null;
  failureClass: FailureClass | null;
  deviceStatus: number | null;
  reason: string | null;
  durationSeconds: number | null;
  at: string;
  seq?: number;
}

export interface RunProgressEvent {
  runId: string;
  slot: string;
  step: string;
  bytes: number;
  total: number;
  bytesPerSecond: number;
  elapsedSeconds: number;
  at: string;
  seq?: number;
}

export interface RunLogEvent {
  runId: string;
  slot: string;
  level: string;
  message: string;
  at: string;
  seq?: number;
}

export type RunEndedEvent = RunResult & { slot: string; seq?: number };

export interface RecipeRef {
  name: string;
  version: number;
}

export interface StationInfo {
  name: string;
  mode: "auto" | "directed";
  activeRecipe: (RecipeRef & { approved: boolean }) | null;
  shift: {
    since: string;
    units: number;
    passed: number;
    unitsPerHour: number;
    yield: number;
    firstPassYield: number;
  };
}

export interface StepRecord {
  step: string;
  attempt: number;
  startedAt: string;
  durationSeconds: number | null;
  succeeded: boolean | null;
  failureClass: FailureClass | null;
  deviceStatus: number | null;
  reason: string | null;
  retryReason: string | null;
}

export interface FuseRecord {
  index: number;
  name: string;
  requested: number;
  mask: number;
  before: number;
  after: number | null;
  decision: "Matches" | "Write" | "Conflict";
  verified: boolean | null;
  approvalReference: string | null;
}

export interface ImageRecord {
  memoryId: number;
  address: number;
  length: number;
  imageSha256: string;
  readBackSha256: string | null;
}

export interface LogLine {
  at: string;
  level: string;
  message: string;
}

export interface RunDetail {
  runId: string;
  slot: string;
  recipe: RecipeRef & { sha256: string };
  serialNumber: string | null;
  chipUid: string | null;
  operator: string | null;
  startedAt: string;
  endedAt: string | null;
  result: RunResult | null;
  steps: StepRecord[];
  fuses: FuseRecord[];
  images: ImageRecord[];
  log: LogLine[];
}

export interface UnitRecord {
  serialNumber: string | null;
  chipUid: string | null;
  firstSeen: string;
  lastSeen: string;
  runs: RunDetail[];
}

export interface UnitListItem {
  serialNumber: string | null;
  chipUid: string | null;
  lastOutcome: RunOutcome;
  lastRunAt: string;
  recipe: RecipeRef | string;
}

export interface UnitPage {
  items: UnitListItem[];
  page: number;
  pageSize: number;
  total: number;
}

export interface RecipeSummary {
  name: string;
  version: number;
  sha256: string;
  device: string;
  burnsFuses: boolean;
  approved: boolean;
  approvedBy: string | null;
  approvedAt: string | null;
  active: boolean;
}

export interface RecipeWithContent extends RecipeSummary {
  content: string;
}

export interface CycleTimeStats {
  bucketSeconds: number;
  buckets: { from: number; count: number }[];
}

export interface FailureCount {
  slot: string;
  deviceStatus: number | null;
  count: number;
}

export interface LedgerVerify {
  ok: boolean;
  records?: number;
  firstBroken?: unknown;
}

/** RFC 7807 problem details, as every error of the API is. */
export interface Problem {
  title?: string;
  status?: number;
  detail?: string;
  errors?: Record<string, string[]>;
}
