import { describe, expect, it } from "vitest";
import type { RecipeSummary } from "../src/api/types";
import { activateConfirmation, approveConfirmation, cancelConfirmation } from "../src/logic/confirm";
import { reconnectDelayMs } from "../src/logic/reconnect";
import { toSlotView } from "../src/logic/slots";
import { slot } from "./fixtures";

const recipe: RecipeSummary = {
  name: "rt1064-widget",
  version: 3,
  sha256: "0123456789abcdef".repeat(4),
  device: "MIMXRT1064",
  burnsFuses: true,
  approved: false,
  approvedBy: null,
  approvedAt: null,
  active: false,
};

describe("cancel confirmation", () => {
  it("warns hard when the flash is being written, with how far it got", () => {
    const view = toSlotView(
      slot("slot 3", {
        state: "running",
        runId: "r1",
        step: "WriteImage",
        serialNumber: "SN-9",
        progress: { step: "WriteImage", bytes: 524288, total: 1048576, bytesPerSecond: 1, elapsedSeconds: 1 },
      }),
    );
    const c = cancelConfirmation(view);
    expect(c.severity).toBe("danger");
    expect(c.title).toBe("Cancel mid-write on slot 3?");
    expect(c.body.join(" ")).toContain("Write image, 50 %");
    expect(c.body.join(" ")).toContain("SN-9");
  });

  it("warns about fuses that stay burned", () => {
    const c = cancelConfirmation(toSlotView(slot("slot 1", { state: "running", runId: "r1", step: "BurnFuses" })));
    expect(c.severity).toBe("danger");
    expect(c.body.join(" ")).toContain("stay burned");
  });

  it("does not call verifying a write, but says the unit must run again", () => {
    const c = cancelConfirmation(toSlotView(slot("slot 2", { state: "running", runId: "r1", step: "Verify" })));
    expect(c.severity).toBe("warning");
    expect(c.body.join(" ")).toContain("must be run again");
  });

  it("is milder before anything is written", () => {
    const early = cancelConfirmation(toSlotView(slot("slot 1", { state: "running", runId: "r1", step: "Identify" })));
    expect(early.severity).toBe("warning");
    expect(early.body.join(" ")).toContain("Nothing has been written");
    expect(cancelConfirmation(toSlotView(slot("slot 1", { state: "waiting", runId: "r1" }))).title).toBe("Stop waiting on slot 1?");
  });
});

describe("approve confirmation", () => {
  it("makes the engineer type the name of a fuse-burning recipe", () => {
    const c = approveConfirmation(recipe);
    expect(c.severity).toBe("danger");
    expect(c.typeToConfirm).toBe("rt1064-widget");
    expect(c.body.join(" ")).toContain("cannot be undone");
  });

  it("asks plainly for a recipe that burns no fuses", () => {
    const c = approveConfirmation({ ...recipe, burnsFuses: false });
    expect(c.typeToConfirm).toBeNull();
    expect(c.severity).toBe("warning");
  });

  it("says when the recipe to activate is not approved", () => {
    expect(activateConfirmation(recipe).body.join(" ")).toContain("not approved");
    expect(activateConfirmation({ ...recipe, approved: true }).body.join(" ")).not.toContain("not approved");
  });
});

describe("reconnect delays", () => {
  it("retries quickly first, then every 15 s without giving up", () => {
    expect([0, 1, 2, 3, 4].map(reconnectDelayMs)).toEqual([0, 1000, 2000, 5000, 10000]);
    expect(reconnectDelayMs(5)).toBe(15000);
    expect(reconnectDelayMs(500)).toBe(15000);
  });
});
