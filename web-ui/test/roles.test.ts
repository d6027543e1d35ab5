import { describe, expect, it } from "vitest";
import { can, formatRoles, offer, pagesFor, reasonNotAllowed } from "../src/logic/roles";

describe("role rules (docs/API.md)", () => {
  it("lets an operator watch, start and cancel runs, and nothing of QA or recipe approval", () => {
    const op = ["operator"] as const;
    expect(can(op, "viewSlots")).toBe(true);
    expect(can(op, "startRun")).toBe(true);
    expect(can(op, "cancelRun")).toBe(true);
    expect(can(op, "approveRecipe")).toBe(false);
    expect(can(op, "activateRecipe")).toBe(false);
    expect(can(op, "lookUpUnits")).toBe(false);
    expect(pagesFor(op)).toEqual(["dashboard", "recipes"]);
  });

  it("lets QA look up units, export and verify the ledger, but not start, cancel or approve", () => {
    const qa = ["qa"] as const;
    expect(can(qa, "lookUpUnits")).toBe(true);
    expect(can(qa, "exportRecord")).toBe(true);
    expect(can(qa, "verifyLedger")).toBe(true);
    expect(can(qa, "startRun")).toBe(false);
    expect(can(qa, "cancelRun")).toBe(false);
    expect(can(qa, "approveRecipe")).toBe(false);
    expect(pagesFor(qa)).toEqual(["dashboard", "qa", "recipes"]);
  });

  it("lets an engineer approve and activate recipes and look up units, but not verify the ledger", () => {
    const eng = ["engineer"] as const;
    expect(can(eng, "approveRecipe")).toBe(true);
    expect(can(eng, "activateRecipe")).toBe(true);
    expect(can(eng, "lookUpUnits")).toBe(true);
    expect(can(eng, "verifyLedger")).toBe(false);
  });

  it("lets admin do everything", () => {
    for (const action of ["startRun", "cancelRun", "approveRecipe", "activateRecipe", "lookUpUnits", "verifyLedger"] as const) {
      expect(can(["admin"], action)).toBe(true);
    }
  });

  it("combines roles", () => {
    expect(can(["operator", "qa"], "lookUpUnits")).toBe(true);
    expect(can([], "viewSlots")).toBe(false);
  });

  it("says why an action is not offered", () => {
    expect(reasonNotAllowed("approveRecipe")).toBe("Needs the engineer or admin role.");
    expect(reasonNotAllowed("lookUpUnits")).toBe("Needs the QA, engineer or admin role.");
    expect(offer(["operator"], "approveRecipe")).toEqual({ allowed: false, reason: "Needs the engineer or admin role." });
    expect(offer(["engineer"], "approveRecipe")).toEqual({ allowed: true, reason: null });
  });

  it("prints roles for the header", () => {
    expect(formatRoles(["operator", "qa"])).toBe("operator, QA");
  });
});
