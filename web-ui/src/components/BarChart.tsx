import { useEffect, useRef } from "react";
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type ChartData } from "chart.js";

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

const TEXT = "#f2f4f7";
const GRID = "#3a4450";

interface Props {
  data: ChartData<"bar">;
  /** What the chart shows, in words, for people who cannot see it (the table holds the numbers). */
  summary: string;
  stacked?: boolean;
  xTitle: string;
  yTitle: string;
}

/** A chart.js bar chart on a canvas; updated in place when the data changes. */
export function BarChart({ data, summary, stacked = false, xTitle, yTitle }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart<"bar"> | null>(null);

  useEffect(() => {
    if (!canvas.current) return;
    chart.current = new Chart<"bar">(canvas.current, {
      type: "bar",
      data,
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: {
          legend: { display: data.datasets.length > 1, labels: { color: TEXT, font: { size: 14 } } },
          tooltip: { enabled: true },
        },
        scales: {
          x: { stacked, ticks: { color: TEXT, font: { size: 13 } }, grid: { color: GRID }, title: { display: true, text: xTitle, color: TEXT } },
          y: {
            stacked,
            beginAtZero: true,
            ticks: { color: TEXT, precision: 0, font: { size: 13 } },
            grid: { color: GRID },
            title: { display: true, text: yTitle, color: TEXT },
          },
        },
      },
    });
    return () => {
      chart.current?.destroy();
      chart.current = null;
    };
    // The chart is made once; data changes go through update() below.
  }, []);

  useEffect(() => {
    const c = chart.current;
    if (!c) return;
    c.data = data;
    if (c.options.plugins?.legend) c.options.plugins.legend.display = data.datasets.length > 1;
    c.update();
  }, [data]);

  return (
    <div className="plot__canvas">
      <canvas ref={canvas} role="img" aria-label={summary} />
    </div>
  );
}
