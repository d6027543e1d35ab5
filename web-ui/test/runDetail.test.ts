import { describe, expect, it } from "vitest";
import type { RunDetail } from "../src/api/types";
import { applyRunEvent, fuseRows, imageRows, retryCount, timeline } from "../src/logic/runDetail";
import { at, ended, step } from "./fixtures";

function detail(overrides: Partial<RunDetail> = {}): RunDetail {
  return {
    runId: "r1",
    slot: "slot 1",
    recipe: { name: "rt1064-widget", version: 3, sha256: "ab".repeat(32) },
    serialNumber: "SN-1",
    chipUid: "UID-1",
    operator: "ana",
    startedAt: at(0),
    endedAt: null,
    result: null,
    steps: [],
    fuses: [],
    images: [],
    log: [],
    ...overrides,
  };
}

const record = (name: string, attempt: number, seconds: number, succeeded: boolean | null, extra = {}) => ({
  step: name,
  attempt,
  startedAt: at(seconds),
  durationSeconds: 0.4,
  succeeded,
  failureClass: null,
  deviceStatus: null,
  reason: null,
  retryReason: null,
  ...extra,
});

describe("timeline", () => {
  it("lists every attempt in the order it ran, marking retries with their reasons", () => {
    const rows = timeline([
      record("WriteImage", 1, 5, true),
      record("Erase", 2, 3, true, { retryReason: "20106 on attempt 1" }),
      record("Erase", 1, 2, false, { deviceStatus: 20106, reason: "erase verify failed" }),
    ]);
    expect(rows.map((r) => r.key)).toEqual(["Erase#1", "Erase#2", "WriteImage#1"]);
    expect(rows[0]).toMatchObject({ status: "failed", statusText: "20106 FlexSPINOR: Command Failure", isRetry: false });
    expect(rows[1]).toMatchObject({ status: "succeeded", isRetry: true, retryReason: "20106 on attempt 1" });
    expect(rows[2]!.stepText).toBe("Write image");
    expect(retryCount([record("Erase", 1, 2, false), record("Erase", 2, 3, true)])).toBe(1);
  });

  it("shows an attempt without an end as running", () => {
    expect(timeline([record("Verify", 1, 1, null)])[0]!.status).toBe("running");
  });
});

describe("fuses and images", () => {
  it("shows words in hex and the bits a burn changed", () => {
    const rows = fuseRows([
      { index: 6, name: "CFG5", requested: 16, mask: 16, before: 0, after: 16, decision: "Write", verified: true, approvalReference: "APR-7" },
      { index: 2, name: "CFG1", requested: 1, mask: 1, before: 1, after: 1, decision: "Matches", verified: null, approvalReference: null },
    ]);
    expect(rows.map((r) => r.name)).toEqual(["CFG1", "CFG5"]);
    expect(rows[1]).toMatchObject({ before: "0x00000000", after: "0x00000010", burned: "0x00000010", verified: true });
    expect(rows[0]!.burned).toBe("–");
  });

  it("tells whether the read-back hash matches the image", () => {
    const rows = imageRows([
      { memoryId: 9, address: 0x70001000, length: 1024, imageSha256: "AA", readBackSha256: "aa" },
      { memoryId: 9, address: 0x70001000, length: 1024, imageSha256: "aa", readBackSha256: "bb" },
      { memoryId: 9, address: 0x70001000, length: 1024, imageSha256: "aa", readBackSha256: null },
    ]);
    expect(rows.map((r) => r.matches)).toEqual([true, false, null]);
    expect(rows[0]!.address).toBe("0x70001000");
  });
});

describe("applyRunEvent", () => {
  it("adds and completes attempts from live step events", () => {
    let d = applyRunEvent(detail(), { type: "runStep", event: step("slot 1", "r1", "Erase", "started", 1) });
    expect(d.steps).toHaveLength(1);
    expect(d.steps[0]!.succeeded).toBeNull();
    d = applyRunEvent(d, { type: "runStep", event: step("slot 1", "r1", "Erase", "failed", 2, { deviceStatus: 20106, reason: "erase verify failed" }) });
    expect(d.steps[0]).toMatchObject({ succeeded: false, deviceStatus: 20106, startedAt: at(1) });
    // A late "started" does not undo the end.
    d = applyRunEvent(d, { type: "runStep", event: step("slot 1", "r1", "Erase", "started", 1) });
    expect(d.steps[0]!.succeeded).toBe(false);
  });

  it("keeps the log in time order without duplicates", () => {
    const line = (seconds: number, message: string) => ({ runId: "r1", slot: "slot 1", level: "Information", message, at: at(seconds) });
    let d = detail();
    d = applyRunEvent(d, { type: "runLog", event: line(2, "b") });
    d = applyRunEvent(d, { type: "runLog", event: line(1, "a") });
    d = applyRunEvent(d, { type: "runLog", event: line(2, "b") });
    expect(d.log.map((l) => l.message)).toEqual(["a", "b"]);
  });

  it("takes the result when the run ends, and ignores other runs", () => {
    const d = applyRunEvent(detail(), { type: "runEnded", event: ended("slot 1", "r1", "Failed", 9) });
    expect(d.result?.outcome).toBe("Failed");
    expect(d.endedAt).toBe(at(9));
    const other = detail();
    expect(applyRunEvent(other, { type: "runEnded", event: ended("slot 1", "r2", "Passed", 9) })).toBe(other);
  });
});
