// Debian's Chromium for everything that drives a real browser here: the end-to-end test
// (station.e2e.ts), the UI look-through (mock/look.mjs) and the dashboard latency benchmark
// (tests/Station.Benchmarks/dashboard/latency.mjs). Browsers are never downloaded.
import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";

/** The flags this machine needs: no GPU, no sandbox as root, nothing that calls out to the network. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** CHROMIUM_PATH, else `chromium` on PATH. */
export function findChromium() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    const candidate = join(dir, "chromium");
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  throw new Error("chromium is not on PATH: install Debian's package (apt-get install -y chromium); browsers are never downloaded.");
}
