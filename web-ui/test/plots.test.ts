import { describe, expect, it } from "vitest";
import { seriesColour, shapeCycleTimes, shapeFailures } from "../src/logic/plots";

describe("shapeCycleTimes", () => {
  it("fills the empty buckets between the first and the last", () => {
    const h = shapeCycleTimes({ bucketSeconds: 1, buckets: [ { from: 12, count: 3 }, { from: 10, count: 2 } ] });
    expect(h.labels).toEqual(["10–11 s", "11–12 s", "12–13 s"]);
    expect(h.counts).toEqual([2, 0, 3]);
    expect(h.total).toBe(5);
    expect(h.medianSeconds).toBe(12.5);
  });

  it("merges neighbouring buckets until the bars fit", () => {
    const buckets = Array.from({ length: 10 }, (_, i) => ({ from: i * 0.5, count: 1 }));
    const h = shapeCycleTimes({ bucketSeconds: 0.5, buckets }, 4);
    expect(h.counts.length).toBeLessThanOrEqual(4);
    expect(h.total).toBe(10);
    expect(h.labels[0]).toBe("0–2 s");
  });

  it("is empty without data", () => {
    expect(shapeCycleTimes(null).total).toBe(0);
    expect(shapeCycleTimes({ bucketSeconds: 1, buckets: [{ from: 3, count: 0 }] }).labels).toEqual([]);
    expect(shapeCycleTimes({ bucketSeconds: 0, buckets: [{ from: 3, count: 1 }] }).labels).toEqual([]);
  });
});

describe("shapeFailures", () => {
  const rows = [
    { slot: "slot 3", deviceStatus: 20106, count: 7 },
    { slot: "slot 1", deviceStatus: 20106, count: 1 },
    { slot: "slot 1", deviceStatus: null, count: 2 },
    { slot: "slot 10", deviceStatus: 10200, count: 1 },
  ];

  it("puts every known slot on the axis, in natural order, with one series per status, most common first", () => {
    const m = shapeFailures(rows, ["slot 1", "slot 2", "slot 3", "slot 10"]);
    expect(m.slots).toEqual(["slot 1", "slot 2", "slot 3", "slot 10"]);
    expect(m.series.map((s) => s.label)).toEqual(["20106 FlexSPINOR: Command Failure", "no device status", "10200 Memory Range Invalid"]);
    expect(m.series[0]!.counts).toEqual([1, 0, 7, 0]);
    expect(m.total).toBe(11);
  });

  it("names the hot spot", () => {
    expect(shapeFailures(rows).hotSpot).toEqual({ slot: "slot 3", label: "20106 FlexSPINOR: Command Failure", count: 7 });
    expect(shapeFailures([]).hotSpot).toBeNull();
  });

  it("merges the rare statuses into 'other'", () => {
    const many = [1, 2, 3, 4, 5].map((code, i) => ({ slot: "slot 1", deviceStatus: code, count: 10 - i }));
    const m = shapeFailures(many, [], 3);
    expect(m.series.map((s) => s.label)).toEqual(["1 Fail", "2 Read Only Error", "other (3 statuses)"]);
    expect(m.series[2]!.counts).toEqual([8 + 7 + 6]);
    expect(m.total).toBe(10 + 9 + 8 + 7 + 6);
  });

  it("adds counts of repeated rows", () => {
    const m = shapeFailures([ { slot: "slot 1", deviceStatus: 20106, count: 2 }, { slot: "slot 1", deviceStatus: 20106, count: 3 } ]);
    expect(m.series[0]!.counts).toEqual([5]);
  });

  it("cycles the colour-blind-safe palette", () => {
    expect(seriesColour(0)).toBe("#E69F00");
    expect(seriesColour(8)).toBe("#E69F00");
  });
});
