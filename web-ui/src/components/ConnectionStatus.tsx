import type { ConnectionView } from "../logic/slots";

export function connectionText(c: ConnectionView): string {
  const next = c.retryInSeconds != null && c.retryInSeconds > 0 ? `, next try in ${c.retryInSeconds} s` : "";
  switch (c.status) {
    case "connected":
      return "Live";
    case "connecting":
      return "Connecting…";
    case "reconnecting":
      return `Reconnecting…${c.attempt > 0 ? ` (attempt ${c.attempt}${next})` : ""}`;
    case "disconnected":
      return `Offline — retrying${next}`;
  }
}

/** The small badge in the top bar. */
export function ConnectionBadge({ connection }: { connection: ConnectionView }) {
  return (
    <span className={`connection connection--${connection.status}`} data-connection={connection.status}>
      <span aria-hidden="true">{connection.status === "connected" ? "●" : "◌"}</span>
      {connectionText(connection)}
    </span>
  );
}

/** The banner across the page while the live feed is down: what is shown may be out of date. */
export function ConnectionBanner({ connection, synced }: { connection: ConnectionView; synced: boolean }) {
  const down = connection.status !== "connected";
  return (
    <div role="status" aria-live="polite">
      {down && (
        <div className="banner" data-testid="connection-banner">
          ⚠ {connectionText(connection)} — the tiles may be out of date.
        </div>
      )}
      {!down && !synced && <div className="banner">Catching up with the station…</div>}
    </div>
  );
}
