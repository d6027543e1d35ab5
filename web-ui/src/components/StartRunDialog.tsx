import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import type { StationInfo } from "../api/types";
import type { SlotView } from "../logic/slots";
import { api, ApiError, newIdempotencyKey } from "../api/client";

interface Props {
  slot: SlotView | null;
  station: StationInfo | null;
  operator: string;
  onClose: () => void;
}

/** Directed mode: start a run on a slot with the active recipe and a scanned serial number. */
export function StartRunDialog({ slot, station, operator, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [serial, setSerial] = useState("");
  const [rework, setRework] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // One key per dialog (made when it opens): a double submit or a retry after a lost answer starts
  // one run, not two.
  const key = useRef("");

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (slot && !dialog.open) {
      setSerial("");
      setRework(false);
      setError(null);
      key.current = newIdempotencyKey();
      dialog.showModal();
    } else if (!slot && dialog.open) {
      dialog.close();
    }
  }, [slot]);

  if (!slot) return <dialog ref={ref} aria-hidden="true" />;
  const recipe = station?.activeRecipe ?? null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!recipe || busy) return;
    setBusy(true);
    setError(null);
    try {
      await api.startRun(
        { slot: slot.slot, recipe: { name: recipe.name, version: recipe.version }, serialNumber: serial.trim() || null, operator, rework },
        key.current,
      );
      onClose();
    } catch (err) {
      setError(err instanceof ApiError ? [err.message, ...err.details].join(" ") : String(err));
      // A refused start may be retried with changed input (rework): that is a new request.
      key.current = newIdempotencyKey();
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog ref={ref} aria-labelledby={`${id}-title`} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)}>
        <h2 id={`${id}-title`}>Start a run on {slot.slot}</h2>
        {recipe ? (
          <p>
            Recipe: <strong>{recipe.name} v{recipe.version}</strong> {recipe.approved ? "(approved)" : "(not approved)"}
          </p>
        ) : (
          <p className="error">No active recipe: an engineer must activate one first.</p>
        )}
        <div className="field">
          <label htmlFor={`${id}-serial`}>Serial number</label>
          <input id={`${id}-serial`} value={serial} autoFocus autoComplete="off" spellCheck={false} onChange={(e) => setSerial(e.target.value)} />
          <span className="hint">Scan the label. Leave empty to identify the unit by its chip UID.</span>
        </div>
        <div className="field">
          <label>
            <input type="checkbox" checked={rework} onChange={(e) => setRework(e.target.checked)} /> Rework (this serial was provisioned before)
          </label>
        </div>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog__buttons">
          <button type="button" onClick={onClose}>
            Close
          </button>
          <button type="submit" className="primary" aria-disabled={!recipe || busy ? "true" : undefined}>
            {busy ? "Starting…" : "Start run"}
          </button>
        </div>
      </form>
    </dialog>
  );
}
