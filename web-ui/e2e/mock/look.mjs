// Screenshots of dashboard states against the mock (e2e/mock/server.mjs), for looking at the UI
// while developing it: mid-run tiles, the reconnecting banner, the confirmations. Not a test.
//   node e2e/mock/look.mjs [outDir]     (mock on MOCK_URL, default http://127.0.0.1:5173)
import { chromium, request } from "playwright-core";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { CHROMIUM_ARGS, findChromium } from "../chromium.mjs";

const base = process.env.MOCK_URL ?? "http://127.0.0.1:5173";
const out = process.argv[2] ?? "e2e/artifacts/look";
mkdirSync(out, { recursive: true });
const profile = mkdtempSync(join(tmpdir(), "station-look-"));
const context = await chromium.launchPersistentContext(profile, { executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS, viewport: { width: 1600, height: 1000 } });
const page = context.pages()[0] ?? (await context.newPage());
const api = await request.newContext({ baseURL: base });
await api.post("/api/auth/login", { data: { userName: "eve", password: "station" } });
const board = (slot) => `/api/sim/slots/${encodeURIComponent(slot)}/board`;
const pause = (ms) => new Promise((r) => setTimeout(r, ms));

async function signIn(user) {
  await page.goto(`${base}/#/`);
  await page.getByLabel("User name").fill(user);
  await page.getByLabel("Password").fill("station");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("button", { name: "Sign out" }).waitFor();
}

await signIn("ana");
for (const s of ["slot 1", "slot 2", "slot 3", "slot 4"]) await api.delete(board(s));
await api.post(board("slot 1"), { data: { faults: "" } });
await api.post(board("slot 2"), { data: { faults: "erase20106=1" } });
await pause(2300);
await page.screenshot({ path: join(out, "running.png") });
await api.post(board("slot 3"), { data: { faults: "" } });
await pause(400);
await page.getByRole("button", { name: "Cancel the run on slot 1" }).click();
await page.screenshot({ path: join(out, "confirm-cancel.png") });
await page.getByRole("button", { name: "Keep running" }).click();
await api.post("/mock/refuse-hub?seconds=6");
await pause(1500);
await page.screenshot({ path: join(out, "reconnecting.png") });
await page.locator('[data-connection="connected"]').waitFor({ timeout: 30000 });
await pause(500);
await page.screenshot({ path: join(out, "after-reconnect.png") });
await page.getByRole("button", { name: "Sign out" }).click();
await signIn("eve");
await page.getByRole("link", { name: "Recipes" }).click();
await page.getByRole("button", { name: "Approve rt1064-widget v4" }).click();
await page.screenshot({ path: join(out, "confirm-approve.png") });
await context.close();
await api.dispose();
rmSync(profile, { recursive: true, force: true });
console.log(`screenshots in ${out}`);
