// End-to-end: the dashboard in a real browser against a running Station host with simulated boards
// (issue 7): sign in, four slots go to PASS, an injected fault shows the failure and its reason, an
// operator cannot approve a recipe, QA looks a unit up. Debian's Chromium, never a downloaded one.
//
// Environment:
//   STATION_URL                      base URL of the running host, e.g. http://127.0.0.1:5000 (required)
//   STATION_OPERATOR_USER/_PASSWORD  an operator
//   STATION_QA_USER/_PASSWORD        a QA person
//   STATION_ENGINEER_USER/_PASSWORD  an engineer (sets up the simulated boards through /api/sim)
//   STATION_SCREENSHOTS              folder for the screenshots (default e2e/artifacts/screenshots)
//   CHROMIUM_PATH                    the browser (default: `chromium` found on PATH)
//   STATION_E2E_WAIT_SECONDS         how long a slot may take to reach its result (default 120)
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { tmpdir } from "node:os";
import { chromium, request, type APIRequestContext, type BrowserContext, type Page } from "playwright-core";
import { CHROMIUM_ARGS, findChromium } from "./chromium.mjs";

const baseUrl = required("STATION_URL").replace(/\/+$/, "");
const operator = { user: required("STATION_OPERATOR_USER"), password: required("STATION_OPERATOR_PASSWORD") };
const qa = { user: required("STATION_QA_USER"), password: required("STATION_QA_PASSWORD") };
const engineer = { user: required("STATION_ENGINEER_USER"), password: required("STATION_ENGINEER_PASSWORD") };
const shots = resolve(process.env.STATION_SCREENSHOTS ?? "e2e/artifacts/screenshots");
const waitMs = Number(process.env.STATION_E2E_WAIT_SECONDS ?? 120) * 1000;


function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: the end-to-end tests need a running host and its accounts (see web-ui/README.md).`);
  return value;
}


let context: BrowserContext;
let page: Page;
let profile: string;
let setup: APIRequestContext;
let slotNames: string[] = [];
let mode: "auto" | "directed" = "auto";
const passedUnits: string[] = [];
const consoleErrors: string[] = [];
let shotNumber = 0;

async function shot(name: string): Promise<void> {
  shotNumber++;
  await page.screenshot({ path: join(shots, `${String(shotNumber).padStart(2, "0")}-${name}.png`), fullPage: true });
}

function failureShot(name: string): void {
  onTestFailed(async () => {
    await page.screenshot({ path: join(shots, `failed-${name}.png`), fullPage: true }).catch(() => undefined);
  });
}

async function ok(response: Awaited<ReturnType<APIRequestContext["get"]>>, what: string): Promise<void> {
  if (!response.ok()) throw new Error(`${what}: HTTP ${response.status()} ${await response.text()}`);
}

const simBoard = (slot: string) => `/api/sim/slots/${encodeURIComponent(slot)}/board`;

async function unplug(slot: string): Promise<void> {
  const r = await setup.delete(simBoard(slot));
  if (![204, 404].includes(r.status())) await ok(r, `unplug ${slot}`);
}

async function plug(slot: string, faults = ""): Promise<void> {
  await ok(await setup.post(simBoard(slot), { data: { faults } }), `plug a simulated board on ${slot}`);
}

async function signIn(who: { user: string; password: string }): Promise<void> {
  await page.goto(`${baseUrl}/#/`);
  await page.getByLabel("User name").fill(who.user);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("button", { name: "Sign out" }).waitFor();
}

async function signOut(): Promise<void> {
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.getByLabel("User name").waitFor();
}

const tile = (slot: string) => page.locator(`article[data-slot="${slot}"]`);

/** Directed mode: the operator starts the run from the tile, as on the line. */
async function startFromTile(slot: string, serial: string): Promise<void> {
  await tile(slot).getByRole("button", { name: `Start a run on ${slot}` }).click();
  const dialog = page.getByRole("dialog", { name: `Start a run on ${slot}` });
  await dialog.getByLabel("Serial number").fill(serial);
  await dialog.getByRole("button", { name: "Start run" }).click();
  await dialog.waitFor({ state: "hidden" });
}

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  setup = await request.newContext({ baseURL: baseUrl });
  await ok(await setup.post("/api/auth/login", { data: { userName: engineer.user, password: engineer.password } }), "engineer sign-in");
  const slotsResponse = await setup.get("/api/slots");
  await ok(slotsResponse, "GET /api/slots");
  slotNames = ((await slotsResponse.json()) as { slot: string }[]).map((s) => s.slot).slice(0, 4);
  if (slotNames.length < 4) throw new Error(`the host has ${slotNames.length} slots; the scenario needs four`);
  const stationResponse = await setup.get("/api/station");
  await ok(stationResponse, "GET /api/station");
  mode = ((await stationResponse.json()) as { mode: "auto" | "directed" }).mode;
  await ok(await setup.get("/api/sim/boards"), "GET /api/sim/boards (the host must run with simulated boards)");
  for (const slot of slotNames) await unplug(slot);

  profile = mkdtempSync(join(tmpdir(), "station-e2e-"));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1600, height: 1000 },
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on("console", (m) => m.type() === "error" && consoleErrors.push(m.text()));
  page.on("pageerror", (e) => consoleErrors.push(String(e)));
});

afterAll(async () => {
  await context?.close();
  await setup?.dispose();
  if (profile) rmSync(profile, { recursive: true, force: true });
  if (consoleErrors.length) console.warn(`browser console errors:\n${consoleErrors.join("\n")}`);
});

describe("operator dashboard against the host", () => {
  it("signs in and shows the slots live", async () => {
    failureShot("sign-in");
    await page.goto(`${baseUrl}/`);
    await page.getByLabel("User name").waitFor();
    await shot("sign-in");
    await signIn(operator);
    for (const slot of slotNames) await tile(slot).waitFor({ timeout: 15_000 });
    await page.locator('[data-connection="connected"]').waitFor({ timeout: 15_000 });
    await expect(page.getByTestId("active-recipe").textContent()).resolves.toMatch(/v\d+/);
    await shot("signed-in");
  });

  it("watches four slots go to PASS", async () => {
    failureShot("four-pass");
    const stamp = Date.now().toString(36).toUpperCase();
    for (const [i, slot] of slotNames.entries()) {
      if (mode === "directed") await startFromTile(slot, `E2E-${stamp}-${i + 1}`);
      await plug(slot);
    }
    for (const slot of slotNames) {
      await tile(slot).locator('[data-outcome="Passed"]').waitFor({ timeout: waitMs });
      await expect(tile(slot).innerText()).resolves.toContain("PASS");
    }
    await shot("four-pass");

    const slots = (await (await setup.get("/api/slots")).json()) as { slot: string; lastResult: { serialNumber: string | null; chipUid: string | null } | null }[];
    for (const s of slots.filter((x) => slotNames.includes(x.slot))) {
      const id = s.lastResult?.serialNumber ?? s.lastResult?.chipUid;
      if (id) passedUnits.push(id);
    }
    expect(passedUnits.length).toBeGreaterThan(0);

    // The run drawer of a passed unit: its steps and the image read back the same.
    await tile(slotNames[0]!).getByRole("button", { name: `Details of the run on ${slotNames[0]}` }).click();
    const drawer = page.getByRole("dialog", { name: /Run on/ });
    await drawer.locator('[data-step="WriteImage"]').first().waitFor();
    await expect(drawer.innerText()).resolves.toContain("✓ same");
    await shot("run-drawer");
    await drawer.getByRole("button", { name: "Close" }).click();
    await drawer.waitFor({ state: "hidden" });
  });

  it("shows an injected fault's failure, its reason and what to do", async () => {
    failureShot("fault");
    const slot = slotNames[0]!;
    await unplug(slot);
    if (mode === "directed") await startFromTile(slot, `E2E-FAULT-${Date.now().toString(36).toUpperCase()}`);
    await plug(slot, "erase20106=1");
    const result = tile(slot).locator('[data-outcome="Failed"], [data-outcome="Quarantined"]');
    await result.waitFor({ timeout: waitMs });
    const text = await tile(slot).innerText();
    expect(text).toMatch(/FAIL|QUARANTINE/);
    expect(text).toContain("20106");
    expect(text).toContain("What to do:");
    await shot("fault");

    await tile(slot).getByRole("button", { name: `Details of the run on ${slot}` }).click();
    const drawer = page.getByRole("dialog", { name: /Run on/ });
    await drawer.locator('[data-step="Erase"][data-status="failed"]').first().waitFor();
    await expect(drawer.innerText()).resolves.toContain("20106");
    await shot("fault-drawer");
    await drawer.getByRole("button", { name: "Close" }).click();
    await unplug(slot);
  });

  it("does not let an operator approve a recipe", async () => {
    failureShot("operator-recipes");
    await expect(page.getByRole("link", { name: "QA" }).count()).resolves.toBe(0);
    await page.getByRole("link", { name: "Recipes" }).click();
    await page.locator("tr[data-recipe]").first().waitFor();
    const approve = page.getByRole("button", { name: /^Approve/ });
    const count = await approve.count();
    for (let i = 0; i < count; i++) await expect(approve.nth(i).getAttribute("aria-disabled")).resolves.toBe("true");
    if (count > 0) {
      // Pressing it anyway does nothing: no confirmation opens.
      await approve.first().click({ force: true });
      await expect(page.getByRole("dialog").count()).resolves.toBe(0);
    }
    await shot("operator-recipes");

    // And the host refuses it too.
    const recipes = (await (await setup.get("/api/recipes")).json()) as { name: string; version: number; approved: boolean }[];
    const target = recipes.find((r) => !r.approved) ?? recipes[0]!;
    const asOperator = await request.newContext({ baseURL: baseUrl });
    try {
      await ok(await asOperator.post("/api/auth/login", { data: { userName: operator.user, password: operator.password } }), "operator sign-in");
      const refused = await asOperator.post(`/api/recipes/${encodeURIComponent(target.name)}/${target.version}/approve`);
      expect(refused.status()).toBe(403);
    } finally {
      await asOperator.dispose();
    }
  });

  it("finds a unit in QA and offers its record for export", async () => {
    failureShot("qa");
    await signOut();
    await signIn(qa);
    await page.getByRole("link", { name: "QA" }).click();
    const id = passedUnits[passedUnits.length - 1]!;
    await page.getByLabel("Serial number or chip UID").fill(id);
    await page.getByRole("button", { name: "Find unit" }).click();
    const record = page.getByTestId("unit-record");
    await record.waitFor();
    await expect(record.innerText()).resolves.toContain("PASS");
    const json = record.getByRole("link", { name: "Export JSON" });
    const csv = record.getByRole("link", { name: "Export CSV" });
    await expect(json.getAttribute("href")).resolves.toBe(`/api/units/${encodeURIComponent(id)}/record?format=json`);
    await expect(csv.getAttribute("href")).resolves.toBe(`/api/units/${encodeURIComponent(id)}/record?format=csv`);
    const exported = await page.request.get(`${baseUrl}/api/units/${encodeURIComponent(id)}/record?format=json`);
    expect(exported.status()).toBe(200);
    expect(((await exported.json()) as { runs: unknown[] }).runs.length).toBeGreaterThan(0);
    await shot("qa");
  });
});
