// Dashboard latency: from the host's timestamp on a slot event to each dashboard's DOM showing it.
// Started by run.sh (which starts the host); see docs/BENCHMARKS.md "Dashboard: device event to
// browser". Uses web-ui's playwright-core and Debian's Chromium (never a downloaded browser).
//
// In every page, before the dashboard's own code runs:
// - the WebSocket is tapped: every hub invocation of a slot (slotChanged, runStep, runProgress,
//   runEnded) is noted with its slot, seq, the host's time on it (`at`; runEnded: `endedAt`) and
//   the time the page's main thread got the frame;
// - a MutationObserver watches the tiles' data-seq (the slot sequence number the tile shows): when
//   a tile's data-seq reaches an event's seq, React has committed that event (or a later one of
//   the slot) to the DOM; the observer runs right after the commit, in the same task;
// - one requestAnimationFrame after that commit notes the start of the frame that paints it.
// Host and browser share the machine's clock: latency = page time (performance.timeOrigin +
// performance.now()) - the host's timestamp. runLog (not shown on the tiles) and stationChanged
// (no slot) are counted in the message rate but not measured.
import { createRequire } from "node:module";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { cpus, loadavg } from "node:os";
import { CHROMIUM_ARGS, findChromium } from "../../../web-ui/e2e/chromium.mjs";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const requireWebUi = createRequire(join(repo, "web-ui/package.json"));
const { chromium } = requireWebUi("playwright-core");
const WebSocketClient = requireWebUi("ws"); // @microsoft/signalr's own dependency

const env = (name, fallback) => process.env[name] ?? fallback ?? (() => { throw new Error(`${name} is not set (run run.sh)`); })();
const baseUrl = env("STATION_URL").replace(/\/+$/, "");
const user = env("STATION_USER");
const password = env("STATION_PASSWORD");
const hostPid = Number(env("STATION_HOST_PID"));
const boards = Number(env("BENCH_BOARDS", "16"));
const dashboards = Number(env("BENCH_DASHBOARDS", "10"));
const hubClients = Number(env("BENCH_HUB_CLIENTS", "1"));
const warmupSeconds = Number(env("BENCH_WARMUP_SECONDS", "20"));
const seconds = Number(env("BENCH_SECONDS", "60"));
const out = env("BENCH_OUT", join(repo, "artifacts/bench"));
const setup = env("BENCH_SETUP", "");
// Diagnostics: BENCH_TRACE=file writes a Chromium trace (every page) of the measured span.
const tracePath = process.env.BENCH_TRACE ?? "";
// BENCH_PROFILE=file.cpuprofile writes a V8 CPU profile of the first page's JavaScript over the
// measured span (open it in Chromium's DevTools, or summarise its self time by function).
const profilePath = process.env.BENCH_PROFILE ?? "";

// Runs in each page before its scripts.
function instrument() {
  const now = () => performance.timeOrigin + performance.now();
  // "2026-11-22T02:10:23.1234567+00:00" → Unix ms with the fraction .NET sends (Date.parse stops at ms).
  const serverMs = (text) => {
    const m = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(\.\d+)?(Z|[+-]\d\d:\d\d)$/.exec(text ?? "");
    if (!m) return NaN;
    return Date.parse(m[1] + m[3]) + (m[2] ? Number("0" + m[2]) * 1000 : 0);
  };
  const bench = {
    recording: false,
    pending: new Map(), // slot → events waiting for the DOM, in seq order
    done: [],
    lastSlot: new Map(), // slot → last slotChanged payload (to name what changed)
    messages: 0, // hub invocations received while recording
    unmeasured: 0, // of which not measured (runLog, stationChanged)
    commits: 0, // observer callbacks that moved a tile (about one per React commit) while recording
  };
  window.__bench = bench;

  const kindOfSlotChanged = (s) => {
    const before = bench.lastSlot.get(s.slot);
    bench.lastSlot.set(s.slot, s);
    if (!before) return "slotChanged:other";
    if ((before.board == null) !== (s.board == null)) return s.board == null ? "slotChanged:board-left" : "slotChanged:board-arrived";
    if (s.runId != null && s.runId !== before.runId) return "slotChanged:run-began";
    if (s.state === "done" && before.state !== "done") return "slotChanged:run-ended";
    if (s.step !== before.step) return "slotChanged:step";
    return "slotChanged:other";
  };

  const note = (target, a, receivedAt) => {
    let kind;
    let at;
    switch (target) {
      case "slotChanged":
        kind = kindOfSlotChanged(a);
        at = a.at;
        break;
      case "runStep":
        kind = `runStep:${a.status}`;
        at = a.at;
        break;
      case "runProgress":
        kind = "runProgress";
        at = a.at;
        break;
      case "runEnded":
        kind = `runEnded:${a.outcome}`;
        at = a.endedAt;
        break;
      default:
        if (bench.recording) bench.unmeasured++;
        return;
    }
    if (!bench.recording) return;
    const list = bench.pending.get(a.slot) ?? [];
    list.push({ slot: a.slot, kind, seq: a.seq, serverAt: serverMs(at), receivedAt, domAt: NaN, frameAt: NaN });
    bench.pending.set(a.slot, list);
  };

  const Native = window.WebSocket;
  class TappedWebSocket extends Native {
    constructor(...args) {
      super(...args);
      // Registered before SignalR sets onmessage, so it runs first, on the same dispatch.
      this.addEventListener("message", (event) => {
        const receivedAt = now();
        if (typeof event.data !== "string") return;
        for (const part of event.data.split("\u001e")) {
          if (!part) continue;
          let message;
          try {
            message = JSON.parse(part);
          } catch {
            continue;
          }
          if (message.type !== 1 || !Array.isArray(message.arguments)) continue;
          if (bench.recording) bench.messages++;
          note(message.target, message.arguments[0] ?? {}, receivedAt);
        }
      });
    }
  }
  window.WebSocket = TappedWebSocket;

  const observer = new MutationObserver((records) => {
    const domAt = now();
    const shown = [];
    for (const record of records) {
      const tile = record.target;
      if (!(tile instanceof HTMLElement) || tile.dataset.seq == null) continue;
      const list = bench.pending.get(tile.dataset.slot);
      if (!list || list.length === 0) continue;
      const seq = Number(tile.dataset.seq);
      let i = 0;
      while (i < list.length && list[i].seq <= seq) {
        list[i].domAt = domAt;
        shown.push(list[i]);
        i++;
      }
      if (i > 0) list.splice(0, i);
    }
    if (shown.length === 0) return;
    bench.commits++;
    bench.done.push(...shown);
    requestAnimationFrame(() => {
      const frameAt = now();
      for (const e of shown) e.frameAt = frameAt;
    });
  });
  const watch = () => observer.observe(document.documentElement, { subtree: true, attributes: true, attributeFilter: ["data-seq"] });
  if (document.documentElement) watch();
  else document.addEventListener("DOMContentLoaded", watch);
}

// CPU ticks of a process (utime + stime, /proc/<pid>/stat fields 14 and 15).
function processTicks(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

function parentOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return 0;
  }
}

// Every live process below `root` (the browser's processes are children of this node process).
function descendants(root) {
  const pids = readdirSync("/proc").filter((n) => /^\d+$/.test(n)).map(Number);
  const parent = new Map(pids.map((p) => [p, parentOf(p)]));
  const below = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [p, pp] of parent) {
      if (!below.has(p) && below.has(pp)) {
        below.add(p);
        grew = true;
      }
    }
  }
  below.delete(root);
  return [...below];
}

// Machine-wide busy and total ticks (/proc/stat, first line).
function machineTicks() {
  const cpu = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
  const idle = cpu[3] + cpu[4];
  const total = cpu.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

function cpuSnapshot() {
  const browser = new Map(descendants(process.pid).map((p) => [p, processTicks(p)]));
  return { host: processTicks(hostPid), browser, self: process.cpuUsage(), machine: machineTicks(), wall: performance.now() };
}

const TICKS_PER_SECOND = 100;

// What a Chromium process is, from its command line.
function chromiumRole(pid) {
  try {
    // Chromium rewrites its command line (one string, spaces between the arguments).
    const args = readFileSync(`/proc/${pid}/cmdline`, "utf8").split(/[\0 ]/);
    const type = args.find((a) => a.startsWith("--type="))?.slice(7) ?? "browser";
    if (type === "renderer") return args.includes("--top-chrome-webui") ? "browser UI renderers" : "page renderers";
    if (type === "utility") return args.find((a) => a.startsWith("--utility-sub-type="))?.includes("Network") ? "network service" : "other";
    return type === "gpu-process" ? "gpu (software)" : type === "browser" ? "browser process" : "other";
  } catch {
    return "other";
  }
}

function cpuBetween(a, b) {
  const wallSeconds = (b.wall - a.wall) / 1000;
  let browserTicks = 0;
  const byRole = {};
  for (const [pid, ticks] of b.browser) {
    const used = ticks - (a.browser.get(pid) ?? 0);
    browserTicks += used;
    const role = chromiumRole(pid);
    byRole[role] = (byRole[role] ?? 0) + used;
  }
  const selfSeconds = (b.self.user + b.self.system - a.self.user - a.self.system) / 1e6;
  const percent = (ticks) => (100 * ticks) / TICKS_PER_SECOND / wallSeconds;
  return {
    wallSeconds,
    hostPercent: percent(b.host - a.host),
    browserPercent: percent(browserTicks),
    browserByRole: Object.fromEntries(Object.entries(byRole).map(([role, ticks]) => [role, Math.round(percent(ticks))])),
    benchmarkPercent: (100 * selfSeconds) / wallSeconds,
    machinePercent: (100 * (b.machine.busy - a.machine.busy)) / (b.machine.total - a.machine.total) * cpus().length,
  };
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

function stats(values) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  return {
    count: sorted.length,
    median: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1] : NaN,
  };
}

const f = (v) => (Number.isFinite(v) ? v.toFixed(1) : "-");
const row = (name, s) => `| ${name} | ${s.count} | ${f(s.median)} | ${f(s.p95)} | ${f(s.p99)} | ${f(s.max)} |`;
const HEAD = "| | events | median ms | p95 ms | p99 ms | max ms |\n|---|---:|---:|---:|---:|---:|";

async function openDashboard(browser, index) {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  await context.addInitScript(instrument);
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`${baseUrl}/#/`);
  await page.getByLabel("User name").fill(user);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("button", { name: "Sign out" }).waitFor({ timeout: 60_000 });
  await page.locator('[data-connection="connected"]').waitFor({ timeout: 60_000 });
  await page.waitForFunction((n) => document.querySelectorAll("article[data-slot][data-seq]").length === n, boards, { timeout: 60_000 });
  // The sign-in click left the pointer over the tiles, where every layout change makes Chromium
  // hit-test for hover; a wall-mounted dashboard has no pointer over it.
  await page.mouse.move(0, 0);
  return { index, context, page, errors };
}

// A light hub client beside the browsers: this node process, no rendering. Same events, same
// timestamps; what it sees is the host's fan-out, SignalR and the loopback socket without a
// browser's main thread in the way.
async function openProbe() {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ userName: user, password }),
  });
  if (!login.ok) throw new Error(`probe sign-in: HTTP ${login.status}`);
  const cookie = login.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const negotiate = await fetch(`${baseUrl}/hubs/station/negotiate?negotiateVersion=1`, { method: "POST", headers: { cookie } });
  if (!negotiate.ok) throw new Error(`probe negotiate: HTTP ${negotiate.status}`);
  const { connectionToken } = await negotiate.json();
  const socket = new WebSocketClient(`${baseUrl.replace(/^http/, "ws")}/hubs/station?id=${encodeURIComponent(connectionToken)}`, { headers: { cookie } });
  const probe = { recording: false, events: [] };
  const serverMs = (text) => {
    const m = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(\.\d+)?(Z|[+-]\d\d:\d\d)$/.exec(text ?? "");
    return m ? Date.parse(m[1] + m[3]) + (m[2] ? Number("0" + m[2]) * 1000 : 0) : NaN;
  };
  socket.on("message", (data) => {
    const receivedAt = performance.timeOrigin + performance.now();
    if (!probe.recording) return;
    for (const part of data.toString().split("\u001e")) {
      if (!part) continue;
      const message = JSON.parse(part);
      if (message.type !== 1) continue;
      const a = message.arguments?.[0] ?? {};
      const at = message.target === "runEnded" ? a.endedAt : message.target === "runLog" || message.target === "stationChanged" ? null : a.at;
      if (at == null) continue;
      probe.events.push({ kind: message.target, latency: receivedAt - serverMs(at) });
    }
  });
  await new Promise((ok, fail) => {
    socket.once("open", ok);
    socket.once("error", fail);
  });
  socket.send('{"protocol":"json","version":1}\u001e');
  socket.send('{"type":1,"invocationId":"1","target":"Subscribe","arguments":[null]}\u001e');
  // SignalR closes a client that sends nothing for 30 s: ping every 10 s.
  const ping = setInterval(() => socket.send('{"type":6}\u001e'), 10_000);
  probe.close = () => {
    clearInterval(ping);
    socket.close();
  };
  return probe;
}


const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS, headless: true });
try {
  console.log(`dashboard: opening ${dashboards} signed-in dashboards (one browser context each)`);
  const pages = [];
  for (let i = 0; i < dashboards; i++) pages.push(await openDashboard(browser, i + 1));

  const probes = [];
  for (let i = 0; i < hubClients; i++) probes.push(await openProbe());
  console.log(`dashboard: warm-up ${warmupSeconds} s`);
  await new Promise((r) => setTimeout(r, warmupSeconds * 1000));

  const visibility = await Promise.all(pages.map((d) => d.page.evaluate(() => document.visibilityState)));
  if (tracePath) await browser.startTracing(pages[0].page, { path: tracePath, categories: ["devtools.timeline", "v8", "blink"] });
  const profiler = profilePath ? await pages[0].page.context().newCDPSession(pages[0].page) : null;
  if (profiler) {
    await profiler.send("Profiler.enable");
    await profiler.send("Profiler.start");
  }
  const cpuStart = cpuSnapshot();
  await Promise.all(pages.map((d) => d.page.evaluate(() => { window.__bench.recording = true; })));
  for (const probe of probes) probe.recording = true;
  console.log(`dashboard: measuring ${seconds} s`);
  await new Promise((r) => setTimeout(r, seconds * 1000));
  await Promise.all(pages.map((d) => d.page.evaluate(() => { window.__bench.recording = false; })));
  for (const probe of probes) {
    probe.recording = false;
    probe.close();
  }
  const cpuEnd = cpuSnapshot();
  if (tracePath) await browser.stopTracing();
  if (profiler) writeFileSync(profilePath, JSON.stringify((await profiler.send("Profiler.stop")).profile));
  // Let what arrived before the end reach the DOM and its frame.
  await new Promise((r) => setTimeout(r, 2000));

  const results = await Promise.all(
    pages.map((d) =>
      d.page.evaluate(() => {
        const b = window.__bench;
        let unresolved = 0;
        for (const list of b.pending.values()) unresolved += list.length;
        return {
          done: b.done,
          unresolved,
          messages: b.messages,
          unmeasured: b.unmeasured,
          commits: b.commits,
          clockSkewMs: performance.timeOrigin + performance.now() - Date.now(),
        };
      }),
    ),
  );
  const cpu = cpuBetween(cpuStart, cpuEnd);

  // Raw latencies, one line per event and dashboard.
  const lines = ["dashboard,slot,kind,seq,server_time_unix_ms,to_receive_ms,to_dom_ms,to_frame_ms"];
  const all = [];
  results.forEach((r, i) => {
    for (const e of r.done) {
      const rec = { dashboard: i + 1, ...e, toReceive: e.receivedAt - e.serverAt, toDom: e.domAt - e.serverAt, toFrame: e.frameAt - e.serverAt };
      all.push(rec);
      lines.push([rec.dashboard, JSON.stringify(e.slot), e.kind, e.seq, e.serverAt.toFixed(3), rec.toReceive.toFixed(3), rec.toDom.toFixed(3), Number.isFinite(rec.toFrame) ? rec.toFrame.toFixed(3) : ""].join(","));
    }
  });
  writeFileSync(join(out, "dashboard-latency.csv"), lines.join("\n") + "\n");

  const headline = (list) => list.filter((e) => e.kind !== "runProgress");
  const messagesPerSecond = results.reduce((a, r) => a + r.messages, 0) / dashboards / cpu.wallSeconds;
  const report = [];
  report.push(`Setup: ${setup}, ${hubClients} light hub client(s), ${dashboards} dashboards (${visibility.filter((v) => v === "visible").length} visible), ${cpu.wallSeconds.toFixed(1)} s measured after ${warmupSeconds} s warm-up, ${cpus().length} CPUs, load average ${loadavg().map((l) => l.toFixed(1)).join(" ")}`);
  report.push(`Hub messages per dashboard: ${messagesPerSecond.toFixed(1)}/s (all ${dashboards}: ${(messagesPerSecond * dashboards).toFixed(0)}/s); slot events measured per dashboard: ${(all.length / dashboards / cpu.wallSeconds).toFixed(1)}/s, of which progress ${(all.filter((e) => e.kind === "runProgress").length / dashboards / cpu.wallSeconds).toFixed(1)}/s`);
  report.push(`Tile commits per dashboard: ${(results.reduce((a, r) => a + r.commits, 0) / dashboards / cpu.wallSeconds).toFixed(1)}/s; Chromium CPU per hub message and dashboard: ${((cpu.browserPercent * 10) / (messagesPerSecond * dashboards)).toFixed(2)} ms`);
  report.push(`Not shown in the DOM by the end: ${results.reduce((a, r) => a + r.unresolved, 0)}; page errors: ${pages.reduce((a, d) => a + d.errors.length, 0)}; page clock vs Date.now(): max ${Math.max(...results.map((r) => Math.abs(r.clockSkewMs))).toFixed(2)} ms`);
  report.push(`CPU over the measured span (100 % = one CPU): host ${cpu.hostPercent.toFixed(0)} %, Chromium ${cpu.browserPercent.toFixed(0)} %, this script ${cpu.benchmarkPercent.toFixed(0)} %, whole machine ${cpu.machinePercent.toFixed(0)} % of ${cpus().length * 100} %`);
  report.push(`Chromium by process (%): ${Object.entries(cpu.browserByRole).map(([role, p]) => `${role} ${p}`).join(", ")}`);
  report.push("");
  report.push("Host event → DOM, step/slot/end events (progress excluded):");
  report.push("");
  report.push(HEAD);
  results.forEach((_, i) => report.push(row(`dashboard ${i + 1}`, stats(headline(all).filter((e) => e.dashboard === i + 1).map((e) => e.toDom)))));
  report.push(row("**all**", stats(headline(all).map((e) => e.toDom))));
  report.push("");
  report.push("By event, all dashboards (host event → DOM):");
  report.push("");
  report.push(HEAD);
  const kinds = [...new Set(all.map((e) => e.kind))].sort();
  for (const kind of kinds) report.push(row(kind, stats(all.filter((e) => e.kind === kind).map((e) => e.toDom))));
  report.push("");
  report.push("Stages, all dashboards, progress excluded:");
  report.push("");
  report.push(HEAD);
  report.push(row("host event → page receives the frame", stats(headline(all).map((e) => e.toReceive))));
  report.push(row("page receives → DOM", stats(headline(all).map((e) => e.domAt - e.receivedAt))));
  report.push(row("host event → DOM", stats(headline(all).map((e) => e.toDom))));
  report.push(row("host event → next frame starts", stats(headline(all).map((e) => e.toFrame))));
  const probeStats = stats(probes.flatMap((p) => p.events).filter((e) => e.kind !== "runProgress").map((e) => e.latency));
  report.push(row(`${hubClients} light hub client(s) (node, no page): host event → frame received`, probeStats));
  const text = report.join("\n");
  console.log("\n" + text);
  writeFileSync(
    join(out, "dashboard-latency.json"),
    JSON.stringify(
      {
        setup,
        dashboards,
        hubClients,
        seconds: cpu.wallSeconds,
        warmupSeconds,
        cpu,
        messagesPerSecondPerDashboard: messagesPerSecond,
        overall: stats(headline(all).map((e) => e.toDom)),
        lightClient: probeStats,
        perDashboard: results.map((_, i) => stats(headline(all).filter((e) => e.dashboard === i + 1).map((e) => e.toDom))),
        byKind: Object.fromEntries(kinds.map((k) => [k, stats(all.filter((e) => e.kind === k).map((e) => e.toDom))])),
        unresolved: results.map((r) => r.unresolved),
        report: text,
      },
      null,
      2,
    ),
  );
  console.log(`\ndashboard: raw latencies in ${join(out, "dashboard-latency.csv")}`);
  for (const d of pages) await d.context.close();
} finally {
  await browser.close();
}
