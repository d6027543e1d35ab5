import { defineConfig } from "vitest/config";

// End-to-end tests: a real Chromium (Debian's, never downloaded) against a running host at
// STATION_URL. Run with `npm run e2e`; see e2e/README section in README.md.
export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.ts"],
    environment: "node",
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 60_000,
    reporters: ["default"],
  },
});
