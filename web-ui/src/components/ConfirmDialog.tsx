import { useEffect, useId, useRef, useState } from "react";
import type { Confirmation } from "../logic/confirm";
import { ApiError } from "../api/client";

interface Props {
  confirmation: Confirmation | null;
  /** Does the thing; a thrown error is shown in the dialog, which stays open. */
  onConfirm: () => Promise<void>;
  onClose: () => void;
}

/** A modal question before anything irreversible or disruptive. The safe answer has the focus. */
export function ConfirmDialog({ confirmation, onConfirm, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();
  const [typed, setTyped] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (confirmation && !dialog.open) {
      setTyped("");
      setError(null);
      setBusy(false);
      dialog.showModal();
    } else if (!confirmation && dialog.open) {
      dialog.close();
    }
  }, [confirmation]);

  if (!confirmation) return <dialog ref={ref} aria-hidden="true" />;

  const typedOk = confirmation.typeToConfirm == null || typed.trim() === confirmation.typeToConfirm;
  const confirm = async () => {
    if (!typedOk || busy) return;
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      onClose();
    } catch (e) {
      setError(e instanceof ApiError ? [e.message, ...e.details].join(" ") : e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={ref}
      className={`confirm confirm--${confirmation.severity}`}
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onClose={onClose}
      onCancel={(e) => {
        if (busy) e.preventDefault();
      }}
    >
      <h2 id={titleId}>
        {confirmation.severity === "danger" ? "⚠ " : ""}
        {confirmation.title}
      </h2>
      <div id={bodyId}>
        {confirmation.body.map((p) => (
          <p key={p}>{p}</p>
        ))}
      </div>
      {confirmation.typeToConfirm != null && (
        <div className="field">
          <label htmlFor={`${titleId}-typed`}>Type {confirmation.typeToConfirm}</label>
          <input id={`${titleId}-typed`} value={typed} autoComplete="off" spellCheck={false} onChange={(e) => setTyped(e.target.value)} />
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog__buttons">
        <button type="button" autoFocus onClick={onClose} disabled={busy}>
          {confirmation.cancelLabel}
        </button>
        <button
          type="button"
          className={confirmation.severity === "danger" ? "danger" : "primary"}
          onClick={() => void confirm()}
          aria-disabled={!typedOk || busy ? "true" : undefined}
        >
          {busy ? "Working…" : confirmation.confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
