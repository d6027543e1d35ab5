// Formatting for people standing at the line: short, unit-bearing, locale-independent (the same
// text on every station, in logs, screenshots and support tickets).
import type { FailureClass, RunOutcome } from "../api/types";
import { MBOOT_STATUS_TEXT } from "./statusCodes";

const KIB = 1024;
const UNITS = ["B", "KiB", "MiB", "GiB", "TiB"] as const;

/** Fixed decimals for the value, fewer as it grows: 1.5 / 15.3 / 153 (three significant-ish digits). */
function scaled(value: number): string {
  if (value >= 100) return Math.round(value).toString();
  return value.toFixed(1);
}

/** 524288 → "512 KiB", 1048576 → "1.0 MiB", 900 → "900 B". Binary units, as flash sizes are. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return "–";
  if (bytes < KIB) return `${Math.round(bytes)} B`;
  let value = bytes;
  let unit = 0;
  while (value >= KIB && unit < UNITS.length - 1) {
    value /= KIB;
    unit++;
  }
  // 1023.96 KiB would print as "1024 KiB": move up a unit instead.
  if (Math.round(value) >= KIB && unit < UNITS.length - 1) {
    value /= KIB;
    unit++;
  }
  return `${scaled(value)} ${UNITS[unit]}`;
}

/** 812000 → "793 KiB/s". */
export function formatRate(bytesPerSecond: number): string {
  if (!Number.isFinite(bytesPerSecond) || bytesPerSecond < 0) return "–";
  return `${formatBytes(bytesPerSecond)}/s`;
}

/** "512 KiB of 1.0 MiB" */
export function formatBytesOf(bytes: number, total: number): string {
  return `${formatBytes(bytes)} of ${formatBytes(total)}`;
}

/** 3.24 → "3.2 s", 0.41 → "0.41 s", 75 → "1 min 15 s", 3725 → "1 h 02 min". */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds == null || !Number.isFinite(seconds) || seconds < 0) return "–";
  if (seconds < 1) return `${seconds.toFixed(2)} s`;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const whole = Math.round(seconds);
  if (whole < 3600) {
    const minutes = Math.floor(whole / 60);
    return `${minutes} min ${(whole % 60).toString().padStart(2, "0")} s`;
  }
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  return `${hours} h ${minutes.toString().padStart(2, "0")} min`;
}

/** Whole percent of done work, clamped to 0..100; null when the total is unknown. */
export function percentOf(bytes: number, total: number): number | null {
  if (!(total > 0) || !Number.isFinite(bytes)) return null;
  return Math.max(0, Math.min(100, Math.floor((bytes * 100) / total)));
}

/** 0.958 → "95.8 %"; null/NaN → "–". */
export function formatRatio(ratio: number | null | undefined): string {
  if (ratio == null || !Number.isFinite(ratio)) return "–";
  return `${(ratio * 100).toFixed(1)} %`;
}

/** 96 → "96", 95.55 → "95.6". */
export function formatPerHour(value: number | null | undefined): string {
  if (value == null || !Number.isFinite(value)) return "–";
  return value >= 100 || Number.isInteger(value) ? Math.round(value).toString() : value.toFixed(1);
}

// SDP (boot ROM) words a failure may carry: PROTOCOLS.md, SDP ERROR_STATUS.
const SDP_STATUS_TEXT: ReadonlyMap<number, string> = new Map([
  [0x33333333, "SDP: HAB failure"],
  [0x69696969, "SDP: HAB warning"],
]);

/** The status text alone: "FlexSPINOR: Command Failure", or null for an unknown code. */
export function statusText(code: number): string | null {
  return MBOOT_STATUS_TEXT.get(code) ?? SDP_STATUS_TEXT.get(code) ?? null;
}

/**
 * A device status as people quote it: "20106 FlexSPINOR: Command Failure". Codes above 0xFFFF
 * that are not MBoot codes read better in hex ("0x33333333 SDP: HAB failure").
 */
export function formatStatus(code: number | null | undefined): string {
  if (code == null) return "no device status";
  const text = statusText(code);
  const number = code > 0xffff && !MBOOT_STATUS_TEXT.has(code) ? hex32(code) : code.toString();
  return text ? `${number} ${text}` : `${number} (unknown status)`;
}

/** 16 → "0x00000010". */
export function hex32(value: number): string {
  return `0x${(value >>> 0).toString(16).toUpperCase().padStart(8, "0")}`;
}

/** The first 12 hex digits of a SHA-256 and an ellipsis, for a cell; the full value goes in a title. */
export function shortHash(sha256: string | null | undefined, digits = 12): string {
  if (!sha256) return "–";
  return sha256.length > digits ? `${sha256.slice(0, digits)}…` : sha256;
}

const STEP_TEXT: Record<string, string> = {
  LoadFlashloader: "Load flashloader",
  Identify: "Identify",
  PlanFuses: "Plan fuses",
  ConfigureMemory: "Configure memory",
  Erase: "Erase",
  ProgramFcb: "Program FCB",
  WriteImage: "Write image",
  Verify: "Verify",
  BurnFuses: "Burn fuses",
  Reset: "Reset",
};

/** "WriteImage" → "Write image"; an unknown name is split at its capitals. */
export function formatStep(step: string | null | undefined): string {
  if (!step) return "–";
  const known = STEP_TEXT[step];
  if (known) return known;
  const words = step.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export interface OutcomeText {
  /** The large word on the tile. */
  word: string;
  /** A symbol beside it, so the result is not told by colour alone. */
  symbol: string;
  /** CSS modifier for the colour. */
  tone: "pass" | "fail" | "quarantine" | "neutral";
}

export function formatOutcome(outcome: RunOutcome): OutcomeText {
  switch (outcome) {
    case "Passed":
      return { word: "PASS", symbol: "✓", tone: "pass" };
    case "Failed":
      return { word: "FAIL", symbol: "✗", tone: "fail" };
    case "Quarantined":
      return { word: "QUARANTINE", symbol: "⚠", tone: "quarantine" };
    case "Interrupted":
      return { word: "INTERRUPTED", symbol: "⏸", tone: "neutral" };
    case "Cancelled":
      return { word: "CANCELLED", symbol: "⊘", tone: "neutral" };
    default:
      return { word: String(outcome).toUpperCase(), symbol: "?", tone: "neutral" };
  }
}

const FAILURE_CLASS_TEXT: Record<FailureClass, string> = {
  Transport: "USB transport",
  DeviceTransient: "device error (transient)",
  DevicePermanent: "device error (permanent)",
  FuseConflict: "fuse conflict",
  VerifyMismatch: "verify mismatch",
  StageTimeout: "board did not appear",
  Internal: "station fault",
};

export function formatFailureClass(value: FailureClass | null | undefined): string {
  if (!value) return "–";
  return FAILURE_CLASS_TEXT[value] ?? value;
}

/** An ISO time as the local wall clock, "14:03:27"; "–" when absent or unreadable. */
export function formatClock(iso: string | null | undefined): string {
  if (!iso) return "–";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "–";
  const pad = (n: number) => n.toString().padStart(2, "0");
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** An ISO time as "2026-11-21 14:03:27" (local). */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return "–";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "–";
  const pad = (n: number) => n.toString().padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${formatClock(iso)}`;
}

/** USB VID:PID as "0x1FC9:0x0135". */
export function formatUsbId(vendorId: number, productId: number): string {
  const h = (v: number) => `0x${v.toString(16).toUpperCase().padStart(4, "0")}`;
  return `${h(vendorId)}:${h(productId)}`;
}

/** Natural order for slot names: "slot 2" before "slot 10". */
export function compareSlotNames(a: string, b: string): number {
  return a.localeCompare(b, "en", { numeric: true, sensitivity: "base" });
}
