// The words of the confirmations before anything irreversible or disruptive (issue 7): what will
// happen, in plain words, and how hard the dialog makes it to say yes by accident.
import type { RecipeSummary } from "../api/types";
import type { SlotView } from "./slots";
import { formatStep, percentOf } from "./format";

export interface Confirmation {
  title: string;
  /** Paragraphs of the dialog. */
  body: string[];
  confirmLabel: string;
  cancelLabel: string;
  /** "danger" for what cannot be undone or leaves a unit half-written. */
  severity: "danger" | "warning";
  /** When set, the person types this text before the confirm button is enabled. */
  typeToConfirm: string | null;
}

/** Steps during which a cancel leaves the flash partly written (BurnFuses has its own warning). */
export const WRITING_STEPS: ReadonlySet<string> = new Set(["Erase", "ProgramFcb", "WriteImage"]);

/** Steps before anything is written to the unit. */
export const BEFORE_WRITE_STEPS: ReadonlySet<string> = new Set(["LoadFlashloader", "Identify", "PlanFuses", "ConfigureMemory"]);

export function cancelConfirmation(slot: SlotView): Confirmation {
  const unit = slot.serialNumber ? `unit ${slot.serialNumber}` : "the unit";
  const keep = "Keep running";
  if (slot.state === "waiting") {
    return {
      title: `Stop waiting on ${slot.slot}?`,
      body: [`The run for ${unit} is waiting for its board. Cancelling ends it; nothing has been written.`],
      confirmLabel: "Cancel the run",
      cancelLabel: keep,
      severity: "warning",
      typeToConfirm: null,
    };
  }
  if (slot.step === "BurnFuses") {
    return {
      title: `Cancel while fuses are burning on ${slot.slot}?`,
      body: [
        `${slot.slot} is burning fuses on ${unit}. Cancelling stops after the word being burned; bits already burned stay burned for good.`,
        "The unit then needs an engineer's decision before it runs again.",
      ],
      confirmLabel: "Cancel mid-burn",
      cancelLabel: keep,
      severity: "danger",
      typeToConfirm: null,
    };
  }
  if (slot.step != null && WRITING_STEPS.has(slot.step)) {
    const percent = slot.progress && slot.progress.step === slot.step ? percentOf(slot.progress.bytes, slot.progress.total) : null;
    const where = percent == null ? formatStep(slot.step) : `${formatStep(slot.step)}, ${percent} %`;
    return {
      title: `Cancel mid-write on ${slot.slot}?`,
      body: [
        `${slot.slot} is writing ${unit} (${where}). Cancelling leaves the flash partly written: the board will not boot until it is run again.`,
      ],
      confirmLabel: "Cancel mid-write",
      cancelLabel: keep,
      severity: "danger",
      typeToConfirm: null,
    };
  }
  const before = slot.step == null || BEFORE_WRITE_STEPS.has(slot.step);
  return {
    title: `Cancel the run on ${slot.slot}?`,
    body: [
      before
        ? `The run for ${unit} stops now (${formatStep(slot.step)}) and is recorded as cancelled. Nothing has been written to the flash yet.`
        : `The run for ${unit} stops now (${formatStep(slot.step)}) and is recorded as cancelled. The image is written but the run is not complete: the unit must be run again.`,
    ],
    confirmLabel: "Cancel the run",
    cancelLabel: keep,
    severity: "warning",
    typeToConfirm: null,
  };
}

export function approveConfirmation(recipe: RecipeSummary): Confirmation {
  const id = `${recipe.name} v${recipe.version}`;
  if (recipe.burnsFuses) {
    return {
      title: `Approve ${id} for fuse burning?`,
      body: [
        `${id} burns fuses. Once approved, every station running it burns its fuse words into every unit: burned fuses cannot be undone, and a wrong word can lock a unit for good.`,
        `Check its fuse words and its content hash (${recipe.sha256.slice(0, 16)}…) before you approve.`,
        `Type the recipe name (${recipe.name}) to confirm.`,
      ],
      confirmLabel: "Approve fuse burning",
      cancelLabel: "Do not approve",
      severity: "danger",
      typeToConfirm: recipe.name,
    };
  }
  return {
    title: `Approve ${id}?`,
    body: [`${id} burns no fuses. Approving lets the line use it.`],
    confirmLabel: "Approve",
    cancelLabel: "Do not approve",
    severity: "warning",
    typeToConfirm: null,
  };
}

export function activateConfirmation(recipe: RecipeSummary): Confirmation {
  const id = `${recipe.name} v${recipe.version}`;
  const body = [`Auto mode uses ${id} for every board from now on. Runs already going keep their recipe.`];
  if (!recipe.approved) body.push(`${id} is not approved yet.`);
  return {
    title: `Make ${id} the active recipe?`,
    body,
    confirmLabel: "Activate",
    cancelLabel: "Keep the current recipe",
    severity: "warning",
    typeToConfirm: null,
  };
}
