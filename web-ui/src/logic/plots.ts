// Plot data shaping: the REST statistics (docs/API.md "Station, statistics") into bar series, and
// the same numbers as a table (the canvas is not readable by a screen reader; the table is).
import type { CycleTimeStats, FailureCount } from "../api/types";
import { compareSlotNames, formatStatus } from "./format";

export interface Histogram {
  /** "10–11 s" per bar. */
  labels: string[];
  counts: number[];
  /** Bucket starts, seconds. */
  starts: number[];
  total: number;
  /** Estimated from the buckets (midpoint of the bucket holding the middle unit); null when empty. */
  medianSeconds: number | null;
}

function trimNumber(value: number): string {
  return Number.isInteger(value) ? value.toString() : value.toFixed(1);
}

/**
 * Buckets in order with the empty ones between filled in, so the bars stand at their true places.
 * At most `maxBuckets` bars: more are merged in pairs (doubling the width) until they fit.
 */
export function shapeCycleTimes(stats: CycleTimeStats | null, maxBuckets = 60): Histogram {
  const empty: Histogram = { labels: [], counts: [], starts: [], total: 0, medianSeconds: null };
  if (!stats || !(stats.bucketSeconds > 0) || stats.buckets.length === 0) return empty;
  let width = stats.bucketSeconds;
  const byIndex = new Map<number, number>();
  for (const b of stats.buckets) {
    if (!(b.count > 0)) continue;
    const index = Math.floor(b.from / width + 1e-9);
    byIndex.set(index, (byIndex.get(index) ?? 0) + b.count);
  }
  if (byIndex.size === 0) return empty;
  let first = Math.min(...byIndex.keys());
  let last = Math.max(...byIndex.keys());
  let counts = new Map(byIndex);
  while (last - first + 1 > maxBuckets) {
    const merged = new Map<number, number>();
    for (const [i, c] of counts) merged.set(Math.floor(i / 2), (merged.get(Math.floor(i / 2)) ?? 0) + c);
    counts = merged;
    width *= 2;
    first = Math.floor(first / 2);
    last = Math.floor(last / 2);
  }
  const result: Histogram = { labels: [], counts: [], starts: [], total: 0, medianSeconds: null };
  for (let i = first; i <= last; i++) {
    const from = i * width;
    result.starts.push(from);
    result.labels.push(`${trimNumber(from)}–${trimNumber(from + width)} s`);
    const c = counts.get(i) ?? 0;
    result.counts.push(c);
    result.total += c;
  }
  const middle = result.total / 2;
  let seen = 0;
  for (let k = 0; k < result.counts.length; k++) {
    seen += result.counts[k] ?? 0;
    if (seen >= middle) {
      result.medianSeconds = (result.starts[k] ?? 0) + width / 2;
      break;
    }
  }
  return result;
}

export interface FailureSeries {
  /** The device status, null for failures without one (transport, timeouts). */
  deviceStatus: number | null;
  /** "20106 FlexSPINOR: Command Failure"; "other" for the merged rest. */
  label: string;
  /** One count per slot, in `slots` order. */
  counts: number[];
  total: number;
}

export interface FailureMatrix {
  slots: string[];
  series: FailureSeries[];
  total: number;
  /** The largest single cell: where to look first ("slot 3: 7 × 20106 …"); null when no failures. */
  hotSpot: { slot: string; label: string; count: number } | null;
}

/**
 * Failures by device status per slot, as stacked bars: one category per slot (all known slots,
 * failure-free ones too, so a quiet slot shows as quiet), one series per status, the most common
 * first; statuses beyond `maxSeries - 1` are merged into "other".
 */
export function shapeFailures(rows: readonly FailureCount[], knownSlots: readonly string[] = [], maxSeries = 6): FailureMatrix {
  const slots = [...new Set([...knownSlots, ...rows.map((r) => r.slot)])].sort(compareSlotNames);
  const slotIndex = new Map(slots.map((s, i) => [s, i]));
  const byStatus = new Map<string, { deviceStatus: number | null; counts: number[] }>();
  for (const row of rows) {
    if (!(row.count > 0)) continue;
    const key = row.deviceStatus == null ? "none" : String(row.deviceStatus);
    let entry = byStatus.get(key);
    if (!entry) {
      entry = { deviceStatus: row.deviceStatus ?? null, counts: slots.map(() => 0) };
      byStatus.set(key, entry);
    }
    const i = slotIndex.get(row.slot)!;
    entry.counts[i] = (entry.counts[i] ?? 0) + row.count;
  }
  let series: FailureSeries[] = [...byStatus.values()].map((e) => ({
    deviceStatus: e.deviceStatus,
    label: formatStatus(e.deviceStatus),
    counts: e.counts,
    total: e.counts.reduce((a, b) => a + b, 0),
  }));
  series.sort((a, b) => b.total - a.total || (a.deviceStatus ?? -1) - (b.deviceStatus ?? -1));
  if (series.length > maxSeries) {
    const kept = series.slice(0, maxSeries - 1);
    const rest = series.slice(maxSeries - 1);
    const counts = slots.map((_, i) => rest.reduce((sum, s) => sum + (s.counts[i] ?? 0), 0));
    kept.push({ deviceStatus: null, label: `other (${rest.length} statuses)`, counts, total: counts.reduce((a, b) => a + b, 0) });
    series = kept;
  }
  let hotSpot: FailureMatrix["hotSpot"] = null;
  for (const s of series) {
    s.counts.forEach((count, i) => {
      if (count > 0 && (hotSpot == null || count > hotSpot.count)) hotSpot = { slot: slots[i]!, label: s.label, count };
    });
  }
  return { slots, series, total: series.reduce((a, s) => a + s.total, 0), hotSpot };
}

/**
 * Bar colours that stay apart for colour-blind eyes (Okabe & Ito), in series order; the legend and
 * the table carry the words.
 */
export const SERIES_COLOURS = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999"] as const;

export function seriesColour(index: number): string {
  return SERIES_COLOURS[index % SERIES_COLOURS.length]!;
}
