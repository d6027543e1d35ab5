import { memo, useEffect, useMemo, useState } from "react";
import type { CycleTimeStats, FailureCount } from "../api/types";
import type { StationHub } from "../api/hub";
import { api } from "../api/client";
import { seriesColour, shapeCycleTimes, shapeFailures } from "../logic/plots";
import { formatDuration } from "../logic/format";
import { BarChart } from "./BarChart";

interface Props {
  hub: StationHub | null;
  since: string | null;
  slots: readonly string[];
}

/** How long after a run's end the statistics are fetched again (several ends share one fetch). */
const REFRESH_DELAY_MS = 2_000;

/**
 * Cycle-time distribution and failures by device status per slot, for the shift. Fetched when the
 * shift starts or the hub resyncs, and again shortly after runs end: driven by events, never polled.
 */
export const Plots = memo(function Plots({ hub, since, slots }: Props) {
  const [cycle, setCycle] = useState<CycleTimeStats | null>(null);
  const [failures, setFailures] = useState<FailureCount[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (since == null) return; // the station (and its shift) is not known yet
    let alive = true;
    Promise.all([api.cycleTimes(since), api.failures(since)]).then(
      ([c, f]) => {
        if (!alive) return;
        setCycle(c);
        setFailures(f);
        setError(null);
      },
      (e: unknown) => alive && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      alive = false;
    };
  }, [since, generation]);

  useEffect(() => {
    if (!hub) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const refresh = () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        setGeneration((g) => g + 1);
      }, REFRESH_DELAY_MS);
    };
    const offRun = hub.onRunEvent((e) => e.type === "runEnded" && refresh());
    const offResync = hub.onResync(() => setGeneration((g) => g + 1));
    return () => {
      offRun();
      offResync();
      if (timer) clearTimeout(timer);
    };
  }, [hub]);

  const histogram = useMemo(() => shapeCycleTimes(cycle), [cycle]);
  const matrix = useMemo(() => shapeFailures(failures, slots), [failures, slots]);

  const cycleData = useMemo(
    () => ({ labels: histogram.labels, datasets: [{ label: "Units", data: histogram.counts, backgroundColor: "#56B4E9" }] }),
    [histogram],
  );
  const failureData = useMemo(
    () => ({
      labels: matrix.slots,
      datasets: matrix.series.map((s, i) => ({ label: s.label, data: s.counts, backgroundColor: seriesColour(i) })),
    }),
    [matrix],
  );

  const cycleSummary =
    histogram.total === 0
      ? "No units finished this shift yet."
      : `${histogram.total} units this shift; median cycle time about ${formatDuration(histogram.medianSeconds)}.`;
  const failureSummary =
    matrix.total === 0
      ? "No failures this shift."
      : `${matrix.total} failures this shift. Most: ${matrix.hotSpot!.slot}, ${matrix.hotSpot!.count} × ${matrix.hotSpot!.label}.`;

  return (
    <section className="plots" aria-label="Shift statistics">
      {error && (
        <p className="error" role="alert">
          Statistics unavailable: {error}
        </p>
      )}
      <div className="plot">
        <h2>Cycle time</h2>
        <p className="plot__summary">{cycleSummary}</p>
        <BarChart data={cycleData} summary={`Cycle-time distribution. ${cycleSummary}`} xTitle="cycle time" yTitle="units" />
        <details>
          <summary>As a table</summary>
          <table>
            <thead>
              <tr>
                <th>Cycle time</th>
                <th className="num">Units</th>
              </tr>
            </thead>
            <tbody>
              {histogram.labels.map((label, i) => (
                <tr key={label}>
                  <td>{label}</td>
                  <td className="num">{histogram.counts[i]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </div>
      <div className="plot">
        <h2>Failures by device status</h2>
        <p className="plot__summary">{failureSummary}</p>
        <BarChart data={failureData} summary={`Failures per slot by device status. ${failureSummary}`} stacked xTitle="slot" yTitle="failures" />
        <details>
          <summary>As a table</summary>
          <table>
            <thead>
              <tr>
                <th>Device status</th>
                {matrix.slots.map((s) => (
                  <th key={s} className="num">
                    {s}
                  </th>
                ))}
                <th className="num">Total</th>
              </tr>
            </thead>
            <tbody>
              {matrix.series.map((s) => (
                <tr key={s.label}>
                  <td>{s.label}</td>
                  {s.counts.map((c, i) => (
                    <td key={i} className="num">
                      {c}
                    </td>
                  ))}
                  <td className="num">{s.total}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </div>
    </section>
  );
});
