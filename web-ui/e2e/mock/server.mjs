// A throwaway stand-in for Station.Host, ONLY for developing and looking at the dashboard before
// the host exists. It is not a test of the host and proves nothing about it. It serves dist/, the
// REST routes of docs/API.md from memory, the hub /hubs/station over SignalR's Server-Sent-Events
// transport (JSON protocol), and the planned simulator routes, with a made-up line of boards.
//
//   node e2e/mock/server.mjs            (PORT=5173 MOCK_MODE=auto|directed MOCK_SLOTS=4 MOCK_SPEED=1)
// Users (password "station"): ana (operator), quinn (qa), eve (engineer), root (admin).
// Extra, mock only: POST /mock/drop-hub ends every hub connection (to watch "reconnecting");
// POST /mock/refuse-hub?seconds=N refuses new hub connections for N seconds.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { randomBytes, randomUUID } from "node:crypto";
import { extname, join, normalize, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const dist = normalize(join(here, "..", "..", "dist"));
const PORT = Number(process.env.PORT ?? 5173);
const HOST = process.env.HOST ?? "127.0.0.1";
const SPEED = Number(process.env.MOCK_SPEED ?? 1);
const SLOT_COUNT = Number(process.env.MOCK_SLOTS ?? 4);
const USE_SEQ = process.env.MOCK_SEQ !== "0";

const USERS = {
  ana: { password: "station", roles: ["operator"] },
  quinn: { password: "station", roles: ["qa"] },
  eve: { password: "station", roles: ["engineer"] },
  root: { password: "station", roles: ["admin"] },
};
const sessions = new Map(); // token -> user name

// ---------------------------------------------------------------- line state
const started = Date.now();
const shiftSince = new Date(started - 2 * 3600_000).toISOString();
const station = { name: "mock line / station 1", mode: process.env.MOCK_MODE === "directed" ? "directed" : "auto" };
const recipes = [
  { name: "rt1064-widget", version: 3, sha256: hex(32), device: "MIMXRT1064", burnsFuses: true, approved: true, approvedBy: "eve", approvedAt: new Date(started - 86400_000).toISOString(), active: true },
  { name: "rt1064-widget", version: 4, sha256: hex(32), device: "MIMXRT1064", burnsFuses: true, approved: false, approvedBy: null, approvedAt: null, active: false },
  { name: "rt1050-sensor", version: 1, sha256: hex(32), device: "MIMXRT1052", burnsFuses: false, approved: false, approvedBy: null, approvedAt: null, active: false },
];
const slots = Array.from({ length: SLOT_COUNT }, (_, i) => ({
  slot: `slot ${i + 1}`, portPath: `1-1.${i + 1}`, board: null, state: "idle", step: null, runId: null,
  serialNumber: null, progress: null, lastResult: null, seq: 0,
}));
const boards = new Map(); // slot -> { faults }
const runs = new Map(); // runId -> run detail (+ internal fields)

function hex(bytes) { return randomBytes(bytes).toString("hex"); }
function now() { return new Date().toISOString(); }
function activeRecipe() { return recipes.find((r) => r.active) ?? null; }
function slotByName(name) { return slots.find((s) => s.slot === name); }
function publicSlot(s) { const { ...copy } = s; if (!USE_SEQ) delete copy.seq; return copy; }
function stamp(s, payload) { s.seq++; return USE_SEQ ? { ...payload, seq: s.seq } : payload; }

function stationInfo() {
  const ended = [...runs.values()].filter((r) => r.result && r.startedAt >= shiftSince);
  const units = ended.length;
  const passed = ended.filter((r) => r.result.outcome === "Passed").length;
  const firstPass = ended.filter((r) => r.result.outcome === "Passed" && r.steps.every((s) => s.attempt === 1)).length;
  const hours = (Date.now() - Date.parse(shiftSince)) / 3600_000;
  const a = activeRecipe();
  return {
    name: station.name, mode: station.mode,
    activeRecipe: a ? { name: a.name, version: a.version, approved: a.approved } : null,
    shift: { since: shiftSince, units, passed, unitsPerHour: Math.round((units / hours) * 10) / 10, yield: units ? passed / units : 0, firstPassYield: units ? firstPass / units : 0 },
  };
}

// ---------------------------------------------------------------- hub (SSE transport)
const hubConnections = new Map(); // token -> { res, handshaken, all, slots:Set }
let refuseHubUntil = 0;
const RS = "\x1e";

function sse(conn, message) { conn.res.write(`data: ${JSON.stringify(message)}${RS}\n\n`); }
function broadcast(target, arg, slotName) {
  for (const conn of hubConnections.values()) {
    if (!conn.handshaken) continue;
    if (slotName != null && !conn.all && !conn.slots.has(slotName)) continue;
    if (slotName == null && !conn.all && conn.slots.size === 0) continue;
    sse(conn, { type: 1, target, arguments: [arg] });
  }
}
setInterval(() => { for (const c of hubConnections.values()) if (c.handshaken) sse(c, { type: 6 }); }, 10_000).unref();

function slotChanged(s) { s.seq++; broadcast("slotChanged", publicSlot(s), s.slot); }

// ---------------------------------------------------------------- simulated runs
const STEPS = [
  ["LoadFlashloader", 0.8], ["Identify", 0.2], ["PlanFuses", 0.3], ["ConfigureMemory", 0.3], ["Erase", 1.0],
  ["ProgramFcb", 0.2], ["WriteImage", 3.0], ["Verify", 1.0], ["BurnFuses", 0.4], ["Reset", 0.2],
];
const IMAGE = 1048576;
const wait = (s) => new Promise((r) => setTimeout(r, (s * 1000) / SPEED));

function log(run, s, level, message) {
  const line = { at: now(), level, message };
  run.log.push(line);
  broadcast("runLog", stamp(s, { runId: run.runId, slot: s.slot, ...line }), s.slot);
}

function createRun(s, { recipe, serialNumber, operator }) {
  const r = recipes.find((x) => x.name === recipe.name && x.version === recipe.version);
  const run = {
    runId: randomUUID(), slot: s.slot, recipe: { name: r.name, version: r.version, sha256: r.sha256 },
    serialNumber: serialNumber ?? null, chipUid: null, operator: operator ?? null, startedAt: now(), endedAt: null,
    result: null, steps: [], fuses: [], images: [], log: [], cancelled: false, burns: r.burnsFuses && r.approved,
  };
  runs.set(run.runId, run);
  Object.assign(s, { state: "waiting", runId: run.runId, serialNumber: run.serialNumber, step: null, progress: null });
  slotChanged(s);
  return run;
}

async function execute(run) {
  const s = slotByName(run.slot);
  const faults = boards.get(s.slot)?.faults ?? "";
  const t0 = Date.now();
  Object.assign(s, { state: "running" });
  slotChanged(s);
  log(run, s, "Information", `Run started on ${s.slot} (port ${s.portPath}) with ${run.recipe.name} v${run.recipe.version}.`);
  let end = null;
  try {
    for (const [step, seconds] of STEPS) {
      if (step === "BurnFuses" && !run.burns) continue;
      let attempt = 1;
      for (;;) {
        if (run.cancelled) throw { outcome: "Cancelled", failureClass: null, step, status: null, reason: "Cancelled by an operator.", action: "Remove the board; run it again when ready." };
        const retryReason = attempt > 1 ? `20106 FlexSPINOR: Command Failure on attempt ${attempt - 1}; re-configuring memory` : null;
        const rec = { step, attempt, startedAt: now(), durationSeconds: null, succeeded: null, failureClass: null, deviceStatus: null, reason: null, retryReason };
        run.steps.push(rec);
        s.step = step; s.progress = null;
        broadcast("runStep", stamp(s, { runId: run.runId, slot: s.slot, step, attempt, status: "started", retryReason, failureClass: null, deviceStatus: null, reason: null, durationSeconds: null, at: rec.startedAt }), s.slot);
        const st = Date.now();
        if (step === "WriteImage" || step === "Verify") {
          const ticks = Math.max(1, Math.round(seconds * 10));
          for (let i = 1; i <= ticks; i++) {
            await wait(seconds / ticks);
            if (run.cancelled) break;
            const bytes = Math.round((IMAGE * i) / ticks);
            const elapsed = (Date.now() - st) / 1000;
            s.progress = { step, bytes, total: IMAGE, bytesPerSecond: bytes / Math.max(elapsed, 0.001), elapsedSeconds: elapsed };
            broadcast("runProgress", stamp(s, { runId: run.runId, slot: s.slot, ...s.progress, at: now() }), s.slot);
          }
        } else {
          await wait(seconds);
        }
        if (run.cancelled) continue;
        rec.durationSeconds = (Date.now() - st) / 1000;
        if (step === "LoadFlashloader") { s.board = { mode: "Flashloader", vendorId: 0x15a2, productId: 0x0073 }; }
        if (step === "Identify") { run.chipUid = hex(8).toUpperCase(); log(run, s, "Information", `Unit identified: chip UID ${run.chipUid}.`); }
        const eraseFails = step === "Erase" && /erase20106/.test(faults);
        if (eraseFails) {
          Object.assign(rec, { succeeded: false, failureClass: "DeviceTransient", deviceStatus: 20106, reason: "Erase verify failed: FlexSPINOR: Command Failure (20106)" });
          broadcast("runStep", stamp(s, { runId: run.runId, slot: s.slot, step, attempt, status: "failed", retryReason: null, failureClass: "DeviceTransient", deviceStatus: 20106, reason: rec.reason, durationSeconds: rec.durationSeconds, at: now() }), s.slot);
          log(run, s, "Warning", `Erase attempt ${attempt} failed with 20106.`);
          if (attempt >= 3) {
            throw { outcome: "Quarantined", failureClass: "DeviceTransient", step, status: 20106,
              reason: "The flash kept failing in Erase (20106 FlexSPINOR: Command Failure) after every recovery step (retry, re-configure memory, reload the flashloader).",
              action: "Unit quarantined: hand it to rework." };
          }
          attempt++;
          continue;
        }
        rec.succeeded = true;
        if (step === "PlanFuses") run.fuses = [{ index: 6, name: "CFG5", requested: 16, mask: 16, before: 0, after: null, decision: "Write", verified: null, approvalReference: null }];
        if (step === "BurnFuses") for (const f of run.fuses) Object.assign(f, { after: f.before | f.requested, verified: true, approvalReference: "APR-mock-3" });
        if (step === "Verify") { const h = hex(32); run.images = [{ memoryId: 9, address: 0x70001000, length: IMAGE, imageSha256: h, readBackSha256: h }]; }
        broadcast("runStep", stamp(s, { runId: run.runId, slot: s.slot, step, attempt, status: "succeeded", retryReason: null, failureClass: null, deviceStatus: null, reason: null, durationSeconds: rec.durationSeconds, at: now() }), s.slot);
        break;
      }
    }
    end = { outcome: "Passed", failureClass: null, step: null, status: null, reason: null, action: null };
    s.board = null; // the board boots its application and leaves the USB bus
  } catch (stop) {
    end = stop;
  }
  const result = {
    runId: run.runId, outcome: end.outcome, failureClass: end.failureClass, failedStep: end.outcome === "Passed" ? null : end.step,
    deviceStatus: end.status, reason: end.reason, operatorAction: end.action, serialNumber: run.serialNumber, chipUid: run.chipUid,
    durationSeconds: (Date.now() - t0) / 1000, endedAt: now(),
  };
  run.result = result; run.endedAt = result.endedAt;
  log(run, s, end.outcome === "Passed" ? "Information" : "Error", `Run ended: ${end.outcome}.`);
  Object.assign(s, { state: "done", step: null, progress: null, lastResult: result });
  broadcast("runEnded", stamp(s, { ...result, slot: s.slot }), s.slot);
  slotChanged(s);
  broadcast("stationChanged", stationInfo(), null);
}

function plug(s, faults) {
  boards.set(s.slot, { faults });
  s.board = { mode: "Rom", vendorId: 0x1fc9, productId: 0x0135 };
  if (s.state === "waiting") { void execute(runs.get(s.runId)); return; }
  if (station.mode === "auto" && activeRecipe()) {
    const run = createRun(s, { recipe: activeRecipe(), serialNumber: null, operator: "auto" });
    void execute(run);
    return;
  }
  slotChanged(s);
}

function seedHistory() {
  const t = Date.parse(shiftSince);
  for (let i = 0; i < 60; i++) {
    const s = slots[i % slots.length];
    const fail = (s.slot === "slot 3" && i % 5 === 2) || i % 23 === 7;
    const duration = 9 + Math.abs(Math.sin(i * 1.7)) * 4 + (fail ? 6 : 0);
    const startedAt = new Date(t + i * 100_000).toISOString();
    const status = fail ? (i % 23 === 7 ? 10200 : 20106) : null;
    const runId = randomUUID();
    const serial = `SN-${String(1000 + i)}`;
    const chipUid = hex(8).toUpperCase();
    const result = fail
      ? { runId, outcome: status === 20106 ? "Quarantined" : "Failed", failureClass: status === 20106 ? "DeviceTransient" : "DevicePermanent", failedStep: status === 20106 ? "Erase" : "WriteImage", deviceStatus: status, reason: status === 20106 ? "The flash kept failing in Erase (20106)." : "Memory Range Invalid (10200).", operatorAction: status === 20106 ? "Unit quarantined: hand it to rework." : "Check the recipe with an engineer.", serialNumber: serial, chipUid, durationSeconds: duration, endedAt: new Date(Date.parse(startedAt) + duration * 1000).toISOString() }
      : { runId, outcome: "Passed", failureClass: null, failedStep: null, deviceStatus: null, reason: null, operatorAction: null, serialNumber: serial, chipUid, durationSeconds: duration, endedAt: new Date(Date.parse(startedAt) + duration * 1000).toISOString() };
    const steps = STEPS.map(([step], k) => ({ step, attempt: 1, startedAt: new Date(Date.parse(startedAt) + k * 1000).toISOString(), durationSeconds: 1, succeeded: true, failureClass: null, deviceStatus: null, reason: null, retryReason: null }));
    runs.set(runId, { runId, slot: s.slot, recipe: { name: "rt1064-widget", version: 3, sha256: recipes[0].sha256 }, serialNumber: serial, chipUid, operator: "ana", startedAt, endedAt: result.endedAt, result, steps, fuses: [], images: [], log: [{ at: startedAt, level: "Information", message: "seeded history" }] });
  }
}
seedHistory();

// ---------------------------------------------------------------- HTTP
function send(res, status, body, headers = {}) {
  const text = body === undefined ? "" : typeof body === "string" ? body : JSON.stringify(body);
  res.writeHead(status, { "Content-Type": typeof body === "string" ? "text/plain; charset=utf-8" : "application/json", ...headers });
  res.end(text);
}
function problem(res, status, title, detail) { send(res, status, { title, status, detail }, { "Content-Type": "application/problem+json" }); }
async function body(req) { const chunks = []; for await (const c of req) chunks.push(c); return Buffer.concat(chunks).toString("utf8"); }
function userOf(req) {
  const m = /(?:^|;\s*)station_mock=([^;]+)/.exec(req.headers.cookie ?? "");
  const name = m ? sessions.get(m[1]) : null;
  return name ? { name, roles: USERS[name].roles } : null;
}
function allowed(user, roles) { return user.roles.some((r) => roles.includes(r)); }
function unitRecord(q) {
  const rs = [...runs.values()].filter((r) => r.serialNumber === q || r.chipUid === q).sort((a, b) => (a.startedAt < b.startedAt ? -1 : 1));
  if (rs.length === 0) return null;
  const strip = ({ cancelled: _c, burns: _b, ...r }) => r;
  return { serialNumber: rs.at(-1).serialNumber, chipUid: rs.at(-1).chipUid, firstSeen: rs[0].startedAt, lastSeen: rs.at(-1).endedAt ?? rs.at(-1).startedAt, runs: rs.map(strip) };
}
const MIME = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".map": "application/json", ".svg": "image/svg+xml" };

async function handle(req, res) {
  const url = new URL(req.url, `http://${req.headers.host}`);
  const path = url.pathname;
  const method = req.method;

  if (path === "/mock/drop-hub" && method === "POST") { for (const c of hubConnections.values()) c.res.end(); hubConnections.clear(); return send(res, 204); }
  if (path === "/mock/refuse-hub" && method === "POST") { refuseHubUntil = Date.now() + Number(url.searchParams.get("seconds") ?? 10) * 1000; for (const c of hubConnections.values()) c.res.end(); hubConnections.clear(); return send(res, 204); }

  if (path === "/api/auth/login" && method === "POST") {
    const { userName, password } = JSON.parse((await body(req)) || "{}");
    const u = USERS[userName];
    if (!u || u.password !== password) return problem(res, 401, "Unauthorized", "Wrong user name or password.");
    const token = hex(16);
    sessions.set(token, userName);
    return send(res, 200, { name: userName, roles: u.roles }, { "Set-Cookie": `station_mock=${token}; Path=/; HttpOnly; SameSite=Lax` });
  }
  if (path === "/api/auth/logout" && method === "POST") return send(res, 204, undefined, { "Set-Cookie": "station_mock=; Path=/; Max-Age=0" });

  if (path.startsWith("/api/") || path.startsWith("/hubs/")) {
    const user = userOf(req);
    if (!user) return problem(res, 401, "Unauthorized", "Sign in first.");
    if (path === "/api/auth/me") return send(res, 200, user);

    if (path.startsWith("/hubs/station")) {
      if (Date.now() < refuseHubUntil) return problem(res, 503, "Unavailable", "mock: hub refused for a while");
      if (path === "/hubs/station/negotiate" && method === "POST") {
        const token = hex(12);
        hubConnections.set(token, { res: null, handshaken: false, all: false, slots: new Set() });
        return send(res, 200, { negotiateVersion: 1, connectionId: hex(8), connectionToken: token, availableTransports: [{ transport: "ServerSentEvents", transferFormats: ["Text"] }] });
      }
      const token = url.searchParams.get("id");
      const conn = hubConnections.get(token);
      if (!conn) return problem(res, 404, "Not Found", "No such connection.");
      if (method === "GET") {
        res.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-cache", Connection: "keep-alive" });
        res.write(":\n\n");
        conn.res = res;
        req.on("close", () => hubConnections.delete(token));
        return;
      }
      if (method === "POST") {
        const text = await body(req);
        for (const raw of text.split(RS).filter(Boolean)) {
          const m = JSON.parse(raw);
          if (m.protocol) { conn.handshaken = true; if (conn.res) sse(conn, {}); continue; }
          if (m.type === 1) {
            if (m.target === "Subscribe") { if (m.arguments[0] == null) conn.all = true; else conn.slots.add(m.arguments[0]); }
            if (m.target === "Unsubscribe") { if (m.arguments[0] == null) conn.all = false; else conn.slots.delete(m.arguments[0]); }
            if (m.invocationId != null && conn.res) sse(conn, { type: 3, invocationId: m.invocationId, result: null });
          }
          if (m.type === 7) conn.res?.end();
        }
        return send(res, 200, "");
      }
      if (method === "DELETE") { conn.res?.end(); hubConnections.delete(token); return send(res, 202, ""); }
    }

    const everyone = ["operator", "engineer", "qa", "mes", "admin"];
    if (path === "/api/slots" && method === "GET") return send(res, 200, slots.map(publicSlot));
    if (path === "/api/station" && method === "GET") return send(res, 200, stationInfo());
    if (path === "/api/runs" && method === "POST") {
      if (!allowed(user, ["operator", "mes", "engineer", "admin"])) return problem(res, 403, "Forbidden", "Starting runs needs the operator, MES, engineer or admin role.");
      const req1 = JSON.parse(await body(req));
      const s = slotByName(req1.slot);
      if (!s) return problem(res, 404, "Not Found", `No slot '${req1.slot}'.`);
      if (s.state === "running" || s.state === "waiting") return problem(res, 409, "Conflict", `${s.slot} is busy.`);
      if (req1.serialNumber && !req1.rework && [...runs.values()].some((r) => r.serialNumber === req1.serialNumber && r.result?.outcome === "Passed"))
        return problem(res, 409, "Conflict", `${req1.serialNumber} was already provisioned; tick rework to run it again.`);
      const run = createRun(s, req1);
      if (s.board) void execute(run);
      return send(res, 202, { runId: run.runId, url: `/api/runs/${run.runId}` });
    }
    let m;
    if ((m = /^\/api\/runs\/([^/]+)$/.exec(path)) && method === "GET") {
      const run = runs.get(decodeURIComponent(m[1]));
      if (!run) return problem(res, 404, "Not Found", "No such run.");
      const { cancelled: _c, burns: _b, ...pub } = run;
      return send(res, 200, pub);
    }
    if ((m = /^\/api\/runs\/([^/]+)\/cancel$/.exec(path)) && method === "POST") {
      if (!allowed(user, ["operator", "mes", "engineer", "admin"])) return problem(res, 403, "Forbidden", "Needs the operator role.");
      const run = runs.get(decodeURIComponent(m[1]));
      if (!run) return problem(res, 404, "Not Found", "No such run.");
      if (run.result) return problem(res, 409, "Conflict", "The run has already ended.");
      run.cancelled = true;
      const s = slotByName(run.slot);
      if (s.state === "waiting") { // never started: end it here
        const result = { runId: run.runId, outcome: "Cancelled", failureClass: null, failedStep: null, deviceStatus: null, reason: "Cancelled before the board arrived.", operatorAction: null, serialNumber: run.serialNumber, chipUid: null, durationSeconds: 0, endedAt: now() };
        run.result = result; run.endedAt = result.endedAt;
        Object.assign(s, { state: "done", lastResult: result });
        broadcast("runEnded", stamp(s, { ...result, slot: s.slot }), s.slot);
        slotChanged(s);
      }
      return send(res, 202, "");
    }
    if ((m = /^\/api\/units\/([^/]+)\/record$/.exec(path)) && method === "GET") {
      if (!allowed(user, ["qa", "engineer", "admin"])) return problem(res, 403, "Forbidden", "Needs the QA role.");
      const rec = unitRecord(decodeURIComponent(m[1]));
      if (!rec) return problem(res, 404, "Not Found", "No such unit.");
      if (url.searchParams.get("format") === "csv") {
        const rows = ["runId,slot,step,attempt,succeeded,deviceStatus,reason", ...rec.runs.flatMap((r) => r.steps.map((s) => [r.runId, r.slot, s.step, s.attempt, s.succeeded, s.deviceStatus ?? "", JSON.stringify(s.reason ?? "")].join(",")))];
        return send(res, 200, rows.join("\n") + "\n", { "Content-Type": "text/csv", "Content-Disposition": `attachment; filename="${m[1]}.csv"` });
      }
      return send(res, 200, rec, { "Content-Disposition": `attachment; filename="${m[1]}.json"` });
    }
    if ((m = /^\/api\/units\/([^/]+)$/.exec(path)) && method === "GET") {
      if (!allowed(user, ["qa", "engineer", "admin"])) return problem(res, 403, "Forbidden", "Needs the QA role.");
      const rec = unitRecord(decodeURIComponent(m[1]));
      return rec ? send(res, 200, rec) : problem(res, 404, "Not Found", "No such unit.");
    }
    if (path === "/api/units" && method === "GET") {
      const byUnit = new Map();
      for (const r of [...runs.values()].filter((r) => r.result)) byUnit.set(r.serialNumber ?? r.chipUid, r);
      let items = [...byUnit.values()].map((r) => ({ serialNumber: r.serialNumber, chipUid: r.chipUid, lastOutcome: r.result.outcome, lastRunAt: r.startedAt, recipe: { name: r.recipe.name, version: r.recipe.version } }));
      const outcome = url.searchParams.get("outcome");
      if (outcome) items = items.filter((i) => i.lastOutcome === outcome);
      items.sort((a, b) => (a.lastRunAt < b.lastRunAt ? 1 : -1));
      const page = Number(url.searchParams.get("page") ?? 1), pageSize = Number(url.searchParams.get("pageSize") ?? 20);
      return send(res, 200, { items: items.slice((page - 1) * pageSize, page * pageSize), page, pageSize, total: items.length });
    }
    if (path === "/api/recipes" && method === "GET") return send(res, 200, recipes);
    if ((m = /^\/api\/recipes\/([^/]+)\/(\d+)(\/approve|\/activate)?$/.exec(path))) {
      const r = recipes.find((x) => x.name === decodeURIComponent(m[1]) && x.version === Number(m[2]));
      if (!r) return problem(res, 404, "Not Found", "No such recipe.");
      if (!m[3] && method === "GET") return send(res, 200, { ...r, content: `name: ${r.name}\nversion: ${r.version}\ndevice: ${r.device}\nfuses:\n  - { index: 6, name: CFG5, value: 0x10, mask: 0x10 }\n` });
      if (method === "POST") {
        if (!allowed(user, ["engineer", "admin"])) return problem(res, 403, "Forbidden", "Needs the engineer or admin role.");
        if (m[3] === "/approve") Object.assign(r, { approved: true, approvedBy: user.name, approvedAt: now() });
        if (m[3] === "/activate") { for (const x of recipes) x.active = false; r.active = true; }
        broadcast("stationChanged", stationInfo(), null);
        return send(res, 200, r);
      }
    }
    if (path === "/api/stats/cycle-times") {
      const counts = new Map();
      for (const r of runs.values()) if (r.result) { const b = Math.floor(r.result.durationSeconds); counts.set(b, (counts.get(b) ?? 0) + 1); }
      return send(res, 200, { bucketSeconds: 1, buckets: [...counts].sort((a, b) => a[0] - b[0]).map(([from, count]) => ({ from, count })) });
    }
    if (path === "/api/stats/failures") {
      const counts = new Map();
      for (const r of runs.values()) if (r.result && r.result.outcome !== "Passed" && r.result.outcome !== "Cancelled") { const k = `${r.slot}|${r.result.deviceStatus}`; counts.set(k, (counts.get(k) ?? 0) + 1); }
      return send(res, 200, [...counts].map(([k, count]) => { const [slot, st] = k.split("|"); return { slot, deviceStatus: st === "null" ? null : Number(st), count }; }));
    }
    if (path === "/api/ledger/verify") {
      if (!allowed(user, ["qa", "admin"])) return problem(res, 403, "Forbidden", "Needs the QA or admin role.");
      return send(res, 200, { ok: true, records: runs.size * 12 });
    }
    if (path === "/api/sim/boards" && method === "GET") return send(res, 200, [...boards].map(([slot, b]) => ({ slot, portPath: slotByName(slot).portPath, faults: b.faults })));
    if ((m = /^\/api\/sim\/slots\/([^/]+)\/board$/.exec(path))) {
      if (!allowed(user, ["engineer", "admin"])) return problem(res, 403, "Forbidden", "Needs the engineer or admin role.");
      const s = slotByName(decodeURIComponent(m[1]));
      if (!s) return problem(res, 404, "Not Found", "No such slot.");
      if (method === "POST") {
        if (s.board) return problem(res, 409, "Conflict", "A board is already on this slot.");
        const spec = JSON.parse((await body(req)) || "{}");
        plug(s, spec.faults ?? "");
        return send(res, 201, { slot: s.slot, portPath: s.portPath, faults: spec.faults ?? "" });
      }
      if (method === "DELETE") {
        boards.delete(s.slot);
        s.board = null;
        if (s.state !== "running") { if (s.state === "done") s.state = "idle"; slotChanged(s); }
        return send(res, 204);
      }
    }
    return problem(res, 404, "Not Found", `mock: no route ${method} ${path}`);
  }

  // static
  const file = normalize(join(dist, path === "/" ? "index.html" : decodeURIComponent(path)));
  if (!file.startsWith(dist)) return send(res, 403, "no");
  try {
    const data = await readFile(file);
    res.writeHead(200, { "Content-Type": MIME[extname(file)] ?? "application/octet-stream" });
    res.end(data);
  } catch {
    send(res, 404, "not found");
  }
}

createServer((req, res) => {
  handle(req, res).catch((e) => { console.error(e); if (!res.headersSent) problem(res, 500, "mock error", String(e)); });
}).listen(PORT, HOST, () => console.log(`mock station on http://${HOST}:${PORT} (mode ${station.mode}, ${SLOT_COUNT} slots) — a UI development aid, not the host`));
