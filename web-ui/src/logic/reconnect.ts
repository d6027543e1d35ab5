// When to try the hub again after it dropped: quickly at first, then every 15 s for as long as it
// takes (the stock SignalR policy gives up after four tries; a station screen must not).
export const RECONNECT_DELAYS_MS = [0, 1_000, 2_000, 5_000, 10_000] as const;
export const RECONNECT_MAX_DELAY_MS = 15_000;

/** Delay before the retry numbered `previousRetryCount` (0 for the first retry). */
export function reconnectDelayMs(previousRetryCount: number): number {
  if (!(previousRetryCount >= 0)) return 0;
  return RECONNECT_DELAYS_MS[previousRetryCount] ?? RECONNECT_MAX_DELAY_MS;
}
