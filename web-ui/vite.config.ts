import { defineConfig } from "vitest/config";

// The dashboard is served by the host at "/"; a relative base lets the same build work behind a
// path prefix too. Routes are hash routes (#/qa), so the host needs no fallback for deep links.
// `npm run dev` proxies the API and the hub to STATION_URL (default http://127.0.0.1:5000).
const host = process.env.STATION_URL ?? "http://127.0.0.1:5000";

export default defineConfig({
  base: "./",
  oxc: { jsx: { runtime: "automatic", importSource: "react" } },
  build: { outDir: "dist", emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 600 },
  server: {
    proxy: {
      "/api": { target: host, changeOrigin: false },
      "/hubs": { target: host, ws: true, changeOrigin: false },
    },
  },
  test: {
    include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
    environment: "node",
  },
});
