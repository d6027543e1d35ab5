// The components rendered to HTML (react-dom/server, no DOM needed): what a person reads on them.
import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import type { Role } from "../src/api/types";
import { toSlotView } from "../src/logic/slots";
import { offer } from "../src/logic/roles";
import { SlotTile, stateText } from "../src/components/SlotTile";
import { ActionButton } from "../src/components/ActionButton";
import { ConnectionBanner, connectionText } from "../src/components/ConnectionStatus";
import { StationHeader } from "../src/components/StationHeader";
import { RunDetailView } from "../src/components/RunDetailView";
import { at, ended, slot, station } from "./fixtures";

const noop = () => undefined;
function tile(view: ReturnType<typeof toSlotView>, roles: Role[] = ["operator"], mode: "auto" | "directed" = "auto"): string {
  return renderToStaticMarkup(<SlotTile slot={view} roles={roles} mode={mode} onOpenRun={noop} onCancel={noop} onStart={noop} />);
}
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("slot tile", () => {
  it("shows a failure in words, with its reason, its device status and what to do, in a live region", () => {
    const { slot: _s, ...result } = ended("slot 3", "r1", "Failed", 10);
    const html = tile(toSlotView(slot("slot 3", { state: "done", runId: "r1", lastResult: result })));
    const words = text(html);
    expect(words).toContain("FAIL");
    expect(words).toContain("Erase failed 3 times");
    expect(words).toContain("20106 FlexSPINOR: Command Failure");
    expect(words).toContain("What to do: Re-seat the board and run it again");
    expect(html).toContain('aria-live="polite"');
    expect(html).toContain('data-outcome="Failed"');
    expect(html).toContain("tile--fail");
  });

  it("shows PASS without failure text", () => {
    const { slot: _s, ...result } = ended("slot 1", "r1", "Passed", 10);
    const words = text(tile(toSlotView(slot("slot 1", { state: "done", runId: "r1", lastResult: result }))));
    expect(words).toContain("✓ PASS");
    expect(words).not.toContain("What to do");
  });

  it("shows the step, the progress in bytes, rate and time, and a cancel for the operator", () => {
    const view = toSlotView(
      slot("slot 2", {
        state: "running",
        runId: "r1",
        step: "WriteImage",
        serialNumber: "SN-7",
        progress: { step: "WriteImage", bytes: 524288, total: 1048576, bytesPerSecond: 812000, elapsedSeconds: 3.24 },
        seq: 41,
      }),
    );
    const html = tile(view);
    const words = text(html);
    expect(stateText(view)).toBe("Write image");
    expect(words).toContain("50 % · 512 KiB of 1.0 MiB · 793 KiB/s · 3.2 s");
    expect(words).toContain("Unit SN-7");
    expect(html).toContain('aria-valuenow="50"');
    expect(html).toContain("transform:scaleX(0.5)");
    expect(html).toContain('data-seq="41"');
    expect(html).toContain('aria-label="Cancel the run on slot 2"');
  });

  it("offers QA no cancel and no start", () => {
    const running = tile(toSlotView(slot("slot 2", { state: "running", runId: "r1", step: "Erase" })), ["qa"], "directed");
    expect(running).not.toContain("Cancel run");
    const idle = tile(toSlotView(slot("slot 2")), ["qa"], "directed");
    expect(idle).not.toContain("Start run");
  });

  it("offers the operator a start in directed mode only", () => {
    expect(tile(toSlotView(slot("slot 2")), ["operator"], "directed")).toContain("Start run");
    expect(tile(toSlotView(slot("slot 2")), ["operator"], "auto")).not.toContain("Start run");
  });

  it("says what an idle or waiting slot is doing", () => {
    expect(stateText(toSlotView(slot("slot 1")))).toBe("Idle — no board");
    expect(stateText(toSlotView(slot("slot 1", { board: { mode: "Rom", vendorId: 0x1fc9, productId: 0x135 } })))).toBe("Idle — board in boot ROM");
    expect(stateText(toSlotView(slot("slot 1", { state: "waiting", runId: "r1" })))).toBe("Waiting for board");
  });
});

describe("actions a role may not take", () => {
  it("are shown disabled with the reason", () => {
    const html = renderToStaticMarkup(
      <ActionButton offer={offer(["operator"], "approveRecipe")} onClick={noop}>
        Approve
      </ActionButton>,
    );
    expect(html).toContain('aria-disabled="true"');
    expect(text(html)).toContain("Needs the engineer or admin role.");
  });

  it("are enabled for the roles that may", () => {
    const html = renderToStaticMarkup(
      <ActionButton offer={offer(["engineer"], "approveRecipe")} onClick={noop}>
        Approve
      </ActionButton>,
    );
    expect(html).not.toContain("aria-disabled");
  });
});

describe("connection", () => {
  it("shows a visible reconnecting banner", () => {
    const c = { status: "reconnecting" as const, attempt: 2, retryInSeconds: 5, error: null };
    expect(connectionText(c)).toBe("Reconnecting… (attempt 2, next try in 5 s)");
    const html = renderToStaticMarkup(<ConnectionBanner connection={c} synced={false} />);
    expect(text(html)).toContain("Reconnecting… (attempt 2, next try in 5 s) — the tiles may be out of date.");
    expect(html).toContain('role="status"');
  });

  it("shows no banner when live and synced", () => {
    const html = renderToStaticMarkup(<ConnectionBanner connection={{ status: "connected", attempt: 0, retryInSeconds: null, error: null }} synced />);
    expect(html).not.toContain("banner");
  });
});

describe("station header", () => {
  it("shows recipe approval in words, mode and the shift's figures", () => {
    const words = text(renderToStaticMarkup(<StationHeader station={{ ...station, activeRecipe: { name: "rt1064-widget", version: 4, approved: false } }} />));
    expect(words).toContain("rt1064-widget v4");
    expect(words).toContain("not approved");
    expect(words).toContain("Auto");
    expect(words).toContain("96");
    expect(words).toContain("95.8 %");
    expect(words).toContain("92.5 %");
  });
});

describe("run detail", () => {
  it("lists attempts with retry reasons, fuse words and hashes", () => {
    const { slot: _s, ...result } = ended("slot 1", "r1", "Quarantined", 10);
    const html = renderToStaticMarkup(
      <RunDetailView
        run={{
          runId: "r1",
          slot: "slot 1",
          recipe: { name: "rt1064-widget", version: 3, sha256: "cd".repeat(32) },
          serialNumber: "SN-1",
          chipUid: "UID-1",
          operator: "ana",
          startedAt: at(0),
          endedAt: at(10),
          result,
          steps: [
            { step: "Erase", attempt: 1, startedAt: at(1), durationSeconds: 0.41, succeeded: false, failureClass: "DeviceTransient", deviceStatus: 20106, reason: "erase verify failed", retryReason: null },
            { step: "Erase", attempt: 2, startedAt: at(2), durationSeconds: 0.4, succeeded: false, failureClass: "DeviceTransient", deviceStatus: 20106, reason: "erase verify failed", retryReason: "re-configured memory" },
          ],
          fuses: [{ index: 6, name: "CFG5", requested: 16, mask: 16, before: 0, after: 16, decision: "Write", verified: true, approvalReference: "APR-7" }],
          images: [{ memoryId: 9, address: 0x70001000, length: 1048576, imageSha256: "ab".repeat(32), readBackSha256: "ab".repeat(32) }],
          log: [{ at: at(1), level: "Warning", message: "erase failed" }],
        }}
      />,
    );
    const words = text(html);
    expect(words).toContain("QUARANTINE");
    expect(words).toContain("Steps (1 retry)");
    expect(words).toContain("attempt 2");
    expect(words).toContain("Retried because: re-configured memory");
    expect(words).toContain("0x00000010");
    expect(words).toContain("✓ same");
    expect(words).toContain("ab".repeat(32));
    expect(words).toContain("erase failed");
  });
});
