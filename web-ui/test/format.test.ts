import { describe, expect, it } from "vitest";
import {
  compareSlotNames,
  formatBytes,
  formatBytesOf,
  formatClock,
  formatDuration,
  formatFailureClass,
  formatOutcome,
  formatPerHour,
  formatRate,
  formatRatio,
  formatStatus,
  formatStep,
  formatUsbId,
  hex32,
  percentOf,
  shortHash,
} from "../src/logic/format";

describe("formatBytes", () => {
  it.each([
    [0, "0 B"],
    [900, "900 B"],
    [1024, "1.0 KiB"],
    [1536, "1.5 KiB"],
    [524288, "512 KiB"],
    [1048576, "1.0 MiB"],
    [15 * 1048576 + 300 * 1024, "15.3 MiB"],
    [1048575, "1.0 MiB"],
  ])("%d bytes reads %s", (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  it("gives a dash for negative or non-finite input", () => {
    expect(formatBytes(-1)).toBe("–");
    expect(formatBytes(Number.NaN)).toBe("–");
  });

  it("says how far of how much", () => {
    expect(formatBytesOf(524288, 1048576)).toBe("512 KiB of 1.0 MiB");
  });
});

describe("formatRate", () => {
  it("uses binary units per second", () => {
    expect(formatRate(812000)).toBe("793 KiB/s");
    expect(formatRate(500)).toBe("500 B/s");
  });
});

describe("formatDuration", () => {
  it.each([
    [0.41, "0.41 s"],
    [3.24, "3.2 s"],
    [59.94, "59.9 s"],
    [75, "1 min 15 s"],
    [600, "10 min 00 s"],
    [3725, "1 h 02 min"],
  ])("%d s reads %s", (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  it("gives a dash for nothing", () => {
    expect(formatDuration(null)).toBe("–");
    expect(formatDuration(undefined)).toBe("–");
  });
});

describe("percentOf", () => {
  it("floors and clamps", () => {
    expect(percentOf(524288, 1048576)).toBe(50);
    expect(percentOf(1048575, 1048576)).toBe(99);
    expect(percentOf(2, 1)).toBe(100);
    expect(percentOf(5, 0)).toBeNull();
  });
});

describe("ratios and rates", () => {
  it("prints yield as a percent with one decimal", () => {
    expect(formatRatio(0.958)).toBe("95.8 %");
    expect(formatRatio(1)).toBe("100.0 %");
    expect(formatRatio(Number.NaN)).toBe("–");
  });

  it("prints units per hour", () => {
    expect(formatPerHour(96)).toBe("96");
    expect(formatPerHour(95.55)).toBe("95.5");
    expect(formatPerHour(123.4)).toBe("123");
    expect(formatPerHour(null)).toBe("–");
  });
});

describe("formatStatus", () => {
  it("names the FlexSPI NOR command failure as blhost does", () => {
    expect(formatStatus(20106)).toBe("20106 FlexSPINOR: Command Failure");
  });

  it("names generic and OCOTP codes", () => {
    expect(formatStatus(10200)).toBe("10200 Memory Range Invalid");
    expect(formatStatus(20201)).toBe("20201 OCOTP: Program Failure");
    expect(formatStatus(0)).toBe("0 Success");
  });

  it("keeps an unknown code's number", () => {
    expect(formatStatus(12345)).toBe("12345 (unknown status)");
  });

  it("prints SDP words in hex", () => {
    expect(formatStatus(0x33333333)).toBe("0x33333333 SDP: HAB failure");
    expect(formatStatus(0x5a5aa5a5)).toBe("1515890085 Security SubSystem Error");
  });

  it("says when there is none", () => {
    expect(formatStatus(null)).toBe("no device status");
  });
});

describe("small formats", () => {
  it("hex32 pads to eight digits and treats the value as unsigned", () => {
    expect(hex32(16)).toBe("0x00000010");
    expect(hex32(-1)).toBe("0xFFFFFFFF");
    expect(hex32(1879052288)).toBe("0x70001000");
  });

  it("shortens hashes", () => {
    expect(shortHash("0123456789abcdef0123")).toBe("0123456789ab…");
    expect(shortHash(null)).toBe("–");
  });

  it("names steps for people", () => {
    expect(formatStep("WriteImage")).toBe("Write image");
    expect(formatStep("ProgramFcb")).toBe("Program FCB");
    expect(formatStep("SomeNewStep")).toBe("Some new step");
    expect(formatStep(null)).toBe("–");
  });

  it("gives every outcome a word and a symbol, not only a colour", () => {
    expect(formatOutcome("Passed")).toEqual({ word: "PASS", symbol: "✓", tone: "pass" });
    expect(formatOutcome("Failed")).toEqual({ word: "FAIL", symbol: "✗", tone: "fail" });
    expect(formatOutcome("Quarantined")).toEqual({ word: "QUARANTINE", symbol: "⚠", tone: "quarantine" });
    expect(formatOutcome("Cancelled").word).toBe("CANCELLED");
    expect(formatOutcome("Interrupted").word).toBe("INTERRUPTED");
  });

  it("names failure classes", () => {
    expect(formatFailureClass("DeviceTransient")).toBe("device error (transient)");
    expect(formatFailureClass(null)).toBe("–");
  });

  it("formats USB ids and clock times", () => {
    expect(formatUsbId(0x1fc9, 0x0135)).toBe("0x1FC9:0x0135");
    expect(formatClock("not a time")).toBe("–");
    expect(formatClock("2026-11-21T14:03:27Z")).toMatch(/^\d\d:\d\d:27$/);
  });

  it("orders slot names naturally", () => {
    expect(["slot 10", "slot 2", "slot 1"].sort(compareSlotNames)).toEqual(["slot 1", "slot 2", "slot 10"]);
  });
});
