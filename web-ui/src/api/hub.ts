// The live connection: SignalR hub /hubs/station (docs/API.md). It subscribes to every slot, turns
// hub events into reducer actions, reconnects by itself for as long as it takes, and after every
// (re)connect subscribes again and resyncs from GET /api/slots and GET /api/station. It never polls.
import { HubConnectionBuilder, HubConnectionState, LogLevel, type HubConnection } from "@microsoft/signalr";
import type { RunEndedEvent, RunLogEvent, RunProgressEvent, RunStepEvent, SlotState, StationInfo } from "./types";
import type { DashboardAction } from "../logic/slots";
import type { RunEvent } from "../logic/runDetail";
import { reconnectDelayMs } from "../logic/reconnect";
import { api, ApiError } from "./client";

export const HUB_PATH = "/hubs/station";

export type RunListener = (event: RunEvent) => void;
export type ResyncListener = () => void;

export class StationHub {
  private readonly connection: HubConnection;
  private readonly dispatch: (action: DashboardAction) => void;
  private readonly onUnauthorized: () => void;
  private readonly runListeners = new Set<RunListener>();
  private readonly resyncListeners = new Set<ResyncListener>();
  private stopped = false;
  private startAttempt = 0;
  private startTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(dispatch: (action: DashboardAction) => void, onUnauthorized: () => void, url = HUB_PATH) {
    this.dispatch = dispatch;
    this.onUnauthorized = onUnauthorized;
    this.connection = new HubConnectionBuilder()
      .withUrl(url, { withCredentials: true })
      .withAutomaticReconnect({
        nextRetryDelayInMilliseconds: (context) => {
          // The session ended while the hub was down: sign in again instead of retrying for ever.
          if ((context.retryReason as { statusCode?: number } | undefined)?.statusCode === 401) {
            this.onUnauthorized();
            return null;
          }
          const delay = reconnectDelayMs(context.previousRetryCount);
          this.dispatch({ type: "connection", status: "reconnecting", attempt: context.previousRetryCount + 1, retryInSeconds: Math.round(delay / 1000) });
          return delay;
        },
      })
      .configureLogging(LogLevel.Warning)
      .build();

    this.connection.on("slotChanged", (slot: SlotState) => this.dispatch({ type: "slotChanged", slot }));
    this.connection.on("runProgress", (event: RunProgressEvent) => this.dispatch({ type: "runProgress", event }));
    this.connection.on("runStep", (event: RunStepEvent) => {
      this.dispatch({ type: "runStep", event });
      this.emit({ type: "runStep", event });
    });
    this.connection.on("runLog", (event: RunLogEvent) => this.emit({ type: "runLog", event }));
    this.connection.on("runEnded", (event: RunEndedEvent) => {
      this.dispatch({ type: "runEnded", event });
      this.emit({ type: "runEnded", event });
    });
    this.connection.on("stationChanged", (station: StationInfo) => this.dispatch({ type: "stationChanged", station }));

    this.connection.onreconnecting((error) => {
      this.dispatch({ type: "connection", status: "reconnecting", error: error?.message ?? null });
    });
    this.connection.onreconnected(() => {
      void this.afterConnect();
    });
    this.connection.onclose((error) => {
      if (this.stopped) return;
      // Only when reconnecting itself was impossible (the server refused the connection): start anew.
      this.scheduleStart(error?.message ?? null);
    });
  }

  /** Listens to step, log and end events of every run (the run drawer, the plots). */
  onRunEvent(listener: RunListener): () => void {
    this.runListeners.add(listener);
    return () => this.runListeners.delete(listener);
  }

  /** Called after each resync (the plots refetch their statistics). */
  onResync(listener: ResyncListener): () => void {
    this.resyncListeners.add(listener);
    return () => this.resyncListeners.delete(listener);
  }

  start(): void {
    this.stopped = false;
    this.dispatch({ type: "connection", status: "connecting", attempt: this.startAttempt });
    void this.tryStart();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.startTimer) clearTimeout(this.startTimer);
    this.startTimer = null;
    await this.connection.stop();
  }

  private emit(event: RunEvent): void {
    for (const listener of this.runListeners) {
      try {
        listener(event);
      } catch (error) {
        console.error("run event listener failed", error);
      }
    }
  }

  private async tryStart(): Promise<void> {
    if (this.stopped || this.connection.state !== HubConnectionState.Disconnected) return;
    try {
      await this.connection.start();
      this.startAttempt = 0;
      await this.afterConnect();
    } catch (error) {
      if (this.stopped) return;
      const message = error instanceof Error ? error.message : String(error);
      // The negotiate request answers 401 when the session has ended.
      if (/\b401\b/.test(message) || (error as { statusCode?: number }).statusCode === 401) {
        this.onUnauthorized();
        return;
      }
      this.scheduleStart(message);
    }
  }

  private scheduleStart(error: string | null): void {
    if (this.stopped) return;
    const delay = reconnectDelayMs(this.startAttempt);
    this.startAttempt++;
    this.dispatch({ type: "connection", status: "disconnected", attempt: this.startAttempt, retryInSeconds: Math.round(delay / 1000), error });
    if (this.startTimer) clearTimeout(this.startTimer);
    this.startTimer = setTimeout(() => {
      this.startTimer = null;
      this.dispatch({ type: "connection", status: "connecting", attempt: this.startAttempt });
      void this.tryStart();
    }, delay);
  }

  /** Subscribe first, then fetch: no event falls between the snapshot and the subscription. */
  private async afterConnect(): Promise<void> {
    try {
      await this.connection.invoke("Subscribe", null);
      this.dispatch({ type: "connection", status: "connected" });
      const [slots, station] = await Promise.all([api.slots(), api.station()]);
      this.dispatch({ type: "stationChanged", station });
      this.dispatch({ type: "snapshot", slots });
      for (const listener of this.resyncListeners) listener();
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        this.onUnauthorized();
        return;
      }
      // The connection dropped in between: the reconnect path comes back here.
      console.warn("resync failed", error);
      if (this.connection.state === HubConnectionState.Connected) {
        // REST failed while the hub stands: drop it; onclose starts it again and resyncs.
        await this.connection.stop().catch(() => undefined);
      }
    }
  }
}
