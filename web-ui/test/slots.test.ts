import { describe, expect, it } from "vitest";
import { dashboardReducer, initialDashboardState, orderedSlots, type DashboardAction, type DashboardState } from "../src/logic/slots";
import { ended, progress, slot, station, step } from "./fixtures";

function run(actions: DashboardAction[], from: DashboardState = initialDashboardState): DashboardState {
  return actions.reduce(dashboardReducer, from);
}

const snapshot: DashboardAction = { type: "snapshot", slots: [slot("slot 2"), slot("slot 10"), slot("slot 1")] };

describe("snapshot", () => {
  it("holds the slots in natural order and marks the state synced", () => {
    const state = run([snapshot]);
    expect(state.order).toEqual(["slot 1", "slot 2", "slot 10"]);
    expect(state.synced).toBe(true);
    expect(orderedSlots(state).map((s) => s.state)).toEqual(["idle", "idle", "idle"]);
  });

  it("drops slots the station no longer has", () => {
    const state = run([snapshot, { type: "snapshot", slots: [slot("slot 1")] }]);
    expect(state.order).toEqual(["slot 1"]);
    expect(state.slots["slot 2"]).toBeUndefined();
  });
});

describe("a run on one slot", () => {
  it("goes from waiting through steps and progress to PASS", () => {
    const state = run([
      snapshot,
      { type: "slotChanged", slot: slot("slot 1", { state: "waiting", runId: "r1", serialNumber: "SN-1" }) },
      { type: "runStep", event: step("slot 1", "r1", "LoadFlashloader", "started", 1) },
      { type: "runStep", event: step("slot 1", "r1", "LoadFlashloader", "succeeded", 2) },
      { type: "runStep", event: step("slot 1", "r1", "WriteImage", "started", 3) },
      { type: "runProgress", event: progress("slot 1", "r1", "WriteImage", 524288, 4) },
    ]);
    const s = state.slots["slot 1"]!;
    expect(s.state).toBe("running");
    expect(s.step).toBe("WriteImage");
    expect(s.progress).toMatchObject({ step: "WriteImage", bytes: 524288, total: 1048576 });
    expect(s.serialNumber).toBe("SN-1");

    const done = run([{ type: "runEnded", event: ended("slot 1", "r1", "Passed", 10) }], state).slots["slot 1"]!;
    expect(done.state).toBe("done");
    expect(done.lastResult?.outcome).toBe("Passed");
    expect(done.progress).toBeNull();
    expect(done.step).toBeNull();
    expect(done.lastResult).not.toHaveProperty("slot");
  });

  it("shows the retry and its reason while a step repeats, and clears it when the step succeeds", () => {
    const failing = run([
      snapshot,
      { type: "runStep", event: step("slot 1", "r1", "Erase", "started", 1) },
      {
        type: "runStep",
        event: step("slot 1", "r1", "Erase", "failed", 2, { deviceStatus: 20106, failureClass: "DeviceTransient", reason: "erase verify failed" }),
      },
      { type: "runStep", event: step("slot 1", "r1", "Erase", "started", 3, { attempt: 2, retryReason: "20106 on attempt 1" }) },
    ]);
    const s = failing.slots["slot 1"]!;
    expect(s.attempt).toBe(2);
    expect(s.retryReason).toBe("20106 on attempt 1");
    expect(s.lastStepFailure).toMatchObject({ step: "Erase", attempt: 1, deviceStatus: 20106 });

    const recovered = run([{ type: "runStep", event: step("slot 1", "r1", "Erase", "succeeded", 4, { attempt: 2 }) }], failing).slots["slot 1"]!;
    expect(recovered.lastStepFailure).toBeNull();
  });

  it("keeps the failure's reason and operator action on the tile", () => {
    const state = run([snapshot, { type: "runStep", event: step("slot 1", "r1", "Erase", "started", 1) }, { type: "runEnded", event: ended("slot 1", "r1", "Failed", 5) }]);
    const result = state.slots["slot 1"]!.lastResult!;
    expect(result.reason).toContain("20106");
    expect(result.operatorAction).toBe("Re-seat the board and run it again");
  });
});

describe("duplicates", () => {
  it("applies a run's end once", () => {
    const once = run([snapshot, { type: "runEnded", event: ended("slot 1", "r1", "Passed", 5) }]);
    const twice = dashboardReducer(once, { type: "runEnded", event: ended("slot 1", "r1", "Passed", 5) });
    expect(twice).toBe(once);
  });

  it("ignores a repeated progress sample", () => {
    const once = run([snapshot, { type: "runProgress", event: progress("slot 1", "r1", "WriteImage", 1000, 2) }]);
    const twice = dashboardReducer(once, { type: "runProgress", event: progress("slot 1", "r1", "WriteImage", 1000, 2) });
    expect(twice.slots["slot 1"]).toEqual(once.slots["slot 1"]);
  });
});

describe("out of order, without sequence numbers", () => {
  it("drops a progress sample older than the one shown", () => {
    const state = run([
      snapshot,
      { type: "runProgress", event: progress("slot 1", "r1", "WriteImage", 800_000, 5) },
      { type: "runProgress", event: progress("slot 1", "r1", "WriteImage", 400_000, 4) },
    ]);
    expect(state.slots["slot 1"]!.progress!.bytes).toBe(800_000);
  });

  it("drops a late progress sample of a step that is over", () => {
    const state = run([
      snapshot,
      { type: "runStep", event: step("slot 1", "r1", "WriteImage", "started", 1) },
      { type: "runStep", event: step("slot 1", "r1", "Verify", "started", 6) },
      { type: "runProgress", event: progress("slot 1", "r1", "WriteImage", 1048576, 5.9) },
    ]);
    const s = state.slots["slot 1"]!;
    expect(s.step).toBe("Verify");
    expect(s.progress).toBeNull();
  });

  it("keeps progress that arrived before its own step's start event", () => {
    const state = run([
      snapshot,
      { type: "runProgress", event: progress("slot 1", "r1", "WriteImage", 4096, 3.5) },
      { type: "runStep", event: step("slot 1", "r1", "WriteImage", "started", 3) },
    ]);
    expect(state.slots["slot 1"]!.progress!.bytes).toBe(4096);
  });

  it("does not move the tile back for an older step event", () => {
    const state = run([
      snapshot,
      { type: "runStep", event: step("slot 1", "r1", "Verify", "started", 6) },
      { type: "runStep", event: step("slot 1", "r1", "WriteImage", "succeeded", 5) },
    ]);
    expect(state.slots["slot 1"]!.step).toBe("Verify");
  });

  it("ignores step, progress and 'running' pictures of a run after its end", () => {
    const state = run([
      snapshot,
      { type: "runEnded", event: ended("slot 1", "r1", "Passed", 10) },
      { type: "runProgress", event: progress("slot 1", "r1", "Verify", 1048576, 9.9) },
      { type: "runStep", event: step("slot 1", "r1", "Reset", "succeeded", 9.95) },
      { type: "slotChanged", slot: slot("slot 1", { state: "running", runId: "r1", step: "Reset" }) },
    ]);
    const s = state.slots["slot 1"]!;
    expect(s.state).toBe("done");
    expect(s.lastResult?.outcome).toBe("Passed");
    expect(s.progress).toBeNull();
  });

  it("keeps a newer run when the end of the older one arrives late", () => {
    const state = run([
      snapshot,
      { type: "runStep", event: step("slot 1", "r2", "LoadFlashloader", "started", 20) },
      { type: "runEnded", event: ended("slot 1", "r1", "Failed", 10) },
    ]);
    const s = state.slots["slot 1"]!;
    expect(s.state).toBe("running");
    expect(s.runId).toBe("r2");
    expect(s.endedRunIds).toContain("r1");
  });

  it("keeps a newer run when a 'done' picture of the older run arrives late", () => {
    const first = ended("slot 1", "r1", "Passed", 10);
    const state = run([
      snapshot,
      { type: "runEnded", event: first },
      { type: "runStep", event: step("slot 1", "r2", "LoadFlashloader", "started", 20) },
      { type: "slotChanged", slot: slot("slot 1", { state: "done", runId: "r1", lastResult: { ...first, slot: undefined } as never }) },
    ]);
    expect(state.slots["slot 1"]!.runId).toBe("r2");
    expect(state.slots["slot 1"]!.state).toBe("running");
  });

  it("starts showing a new run heard of first through its progress", () => {
    const state = run([
      snapshot,
      { type: "runEnded", event: ended("slot 1", "r1", "Passed", 10) },
      { type: "runProgress", event: progress("slot 1", "r2", "LoadFlashloader", 1000, 20) },
    ]);
    const s = state.slots["slot 1"]!;
    expect(s.state).toBe("running");
    expect(s.runId).toBe("r2");
    expect(s.step).toBe("LoadFlashloader");
  });

  it("ignores events for slots it does not know, until a snapshot or slotChanged names them", () => {
    const state = run([snapshot, { type: "runStep", event: step("slot 9", "r1", "Erase", "started", 1) }]);
    expect(state.slots["slot 9"]).toBeUndefined();
    const added = dashboardReducer(state, { type: "slotChanged", slot: slot("slot 9", { state: "waiting", runId: "r9" }) });
    expect(added.order).toEqual(["slot 1", "slot 2", "slot 9", "slot 10"]);
  });
});

describe("with the planned per-slot sequence numbers", () => {
  it("drops anything not newer than what the slot has seen", () => {
    const state = run([
      { type: "snapshot", slots: [slot("slot 1", { seq: 10 })] },
      { type: "slotChanged", slot: slot("slot 1", { state: "running", runId: "r1", step: "Erase", seq: 12 }) },
      { type: "slotChanged", slot: slot("slot 1", { state: "waiting", runId: "r1", seq: 11 }) },
      { type: "runProgress", event: progress("slot 1", "r1", "Erase", 10, 1, { seq: 12 }) },
    ]);
    const s = state.slots["slot 1"]!;
    expect(s.state).toBe("running");
    expect(s.seq).toBe(12);
    expect(s.progress).toBeNull();
  });

  it("keeps events newer than a resync snapshot that was fetched before them", () => {
    const live = run([
      { type: "snapshot", slots: [slot("slot 1", { seq: 1 })] },
      { type: "connection", status: "reconnecting", attempt: 1 },
      { type: "connection", status: "connected" },
      { type: "runEnded", event: ended("slot 1", "r1", "Passed", 10, { seq: 9 }) },
    ]);
    expect(live.synced).toBe(false);
    const resynced = dashboardReducer(live, { type: "snapshot", slots: [slot("slot 1", { state: "running", runId: "r1", step: "Verify", seq: 8 })] });
    expect(resynced.synced).toBe(true);
    expect(resynced.slots["slot 1"]!.state).toBe("done");
    expect(resynced.slots["slot 1"]!.lastResult?.outcome).toBe("Passed");
  });

  it("takes the resync snapshot of a restarted host, whose numbers start again", () => {
    const state = run([
      { type: "snapshot", slots: [slot("slot 1", { state: "running", runId: "r1", step: "Erase", seq: 500 })] },
      { type: "connection", status: "reconnecting", attempt: 1 },
      { type: "connection", status: "connected" },
      { type: "snapshot", slots: [slot("slot 1", { state: "idle", seq: 2 })] },
    ]);
    expect(state.slots["slot 1"]!.state).toBe("idle");
    expect(state.slots["slot 1"]!.seq).toBe(2);
  });

  it("takes a resync snapshot newer than what the slot holds", () => {
    const state = run([
      { type: "snapshot", slots: [slot("slot 1", { state: "running", runId: "r1", seq: 3 })] },
      { type: "snapshot", slots: [slot("slot 1", { state: "idle", seq: 40 })] },
    ]);
    expect(state.slots["slot 1"]!.state).toBe("idle");
    expect(state.slots["slot 1"]!.seq).toBe(40);
  });
});

describe("reconnect", () => {
  it("marks the tiles stale while reconnecting and until the resync snapshot", () => {
    let state = run([snapshot, { type: "connection", status: "connected" }]);
    expect(state.synced).toBe(true);
    state = dashboardReducer(state, { type: "connection", status: "reconnecting", attempt: 2, retryInSeconds: 2 });
    expect(state.synced).toBe(false);
    expect(state.connection).toEqual({ status: "reconnecting", attempt: 2, retryInSeconds: 2, error: null });
    state = dashboardReducer(state, { type: "connection", status: "connected" });
    expect(state.synced).toBe(false);
    expect(state.connection.attempt).toBe(0);
    state = dashboardReducer(state, { type: "snapshot", slots: [slot("slot 1", { state: "done", lastResult: { ...ended("slot 1", "r5", "Quarantined", 3), slot: undefined } as never })] });
    expect(state.synced).toBe(true);
    expect(state.slots["slot 1"]!.lastResult!.outcome).toBe("Quarantined");
    expect(state.slots["slot 1"]!.endedRunIds).toContain("r5");
  });

  it("replaces a tile that missed the end of its run while the hub was down", () => {
    const state = run([
      snapshot,
      { type: "runProgress", event: progress("slot 2", "r1", "WriteImage", 1000, 1) },
      { type: "connection", status: "reconnecting", attempt: 1 },
      { type: "connection", status: "connected" },
      { type: "snapshot", slots: [slot("slot 1"), slot("slot 2", { state: "done", runId: "r1", lastResult: { ...ended("slot 2", "r1", "Failed", 30), slot: undefined } as never }), slot("slot 10")] },
    ]);
    const s = state.slots["slot 2"]!;
    expect(s.state).toBe("done");
    expect(s.progress).toBeNull();
    expect(s.lastResult!.outcome).toBe("Failed");
  });
});

describe("station", () => {
  it("takes the header figures from stationChanged", () => {
    const state = dashboardReducer(initialDashboardState, { type: "stationChanged", station });
    expect(state.station?.shift.unitsPerHour).toBe(96);
  });
});
