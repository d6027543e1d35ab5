// REST calls of docs/API.md. Same-origin with the session cookie; every error is a problem
// details object, surfaced as ApiError with the host's own words.
import type {
  CycleTimeStats,
  FailureCount,
  LedgerVerify,
  Me,
  Problem,
  RecipeRef,
  RecipeSummary,
  RecipeWithContent,
  RunDetail,
  SlotState,
  StationInfo,
  UnitPage,
  UnitRecord,
} from "./types";

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(status: number, problem: Problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.name = "ApiError";
    this.status = status;
    this.problem = problem;
  }

  /** Every validation message of the problem, one per line. */
  get details(): string[] {
    return Object.entries(this.problem.errors ?? {}).flatMap(([field, messages]) => messages.map((m) => (field ? `${field}: ${m}` : m)));
  }
}

let unauthorizedHandler: (() => void) | null = null;

/** Called when any request answers 401 (the session ended): the app goes back to sign-in. */
export function onUnauthorized(handler: (() => void) | null): void {
  unauthorizedHandler = handler;
}

async function request<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const init: RequestInit = { method, credentials: "same-origin", headers: { Accept: "application/json", ...headers } };
  if (body !== undefined) {
    init.body = typeof body === "string" ? body : JSON.stringify(body);
    (init.headers as Record<string, string>)["Content-Type"] ??= "application/json";
  }
  const response = await fetch(path, init);
  if (response.status === 401 && path !== "/api/auth/login" && path !== "/api/auth/me") unauthorizedHandler?.();
  if (!response.ok) {
    let problem: Problem = { status: response.status, title: response.statusText };
    try {
      const text = await response.text();
      if (text) problem = { ...problem, ...(JSON.parse(text) as Problem) };
    } catch {
      // Not JSON (a proxy's error page): keep the status line.
    }
    throw new ApiError(response.status, problem);
  }
  if (response.status === 204 || response.status === 202) {
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }
  return (await response.json()) as T;
}

const seg = encodeURIComponent;

/**
 * An Idempotency-Key (docs/API.md POST /api/runs). crypto.randomUUID exists only in secure
 * contexts, and a station screen on the LAN is plain http: build a v4 UUID from getRandomValues.
 */
export function newIdempotencyKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export interface StartRunRequest {
  slot: string;
  recipe: RecipeRef;
  serialNumber: string | null;
  operator: string;
  rework: boolean;
}

export const api = {
  login: (userName: string, password: string) => request<Me>("POST", "/api/auth/login", { userName, password }),
  logout: () => request<void>("POST", "/api/auth/logout"),
  /** The signed-in person, or null when nobody is. */
  me: async (): Promise<Me | null> => {
    try {
      return await request<Me>("GET", "/api/auth/me");
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  },
  slots: () => request<SlotState[]>("GET", "/api/slots"),
  station: () => request<StationInfo>("GET", "/api/station"),
  startRun: (body: StartRunRequest, idempotencyKey: string) =>
    request<{ runId: string; url: string }>("POST", "/api/runs", body, { "Idempotency-Key": idempotencyKey }),
  run: (runId: string) => request<RunDetail>("GET", `/api/runs/${seg(runId)}`),
  cancelRun: (runId: string) => request<void>("POST", `/api/runs/${seg(runId)}/cancel`),
  /** A unit's record, or null when no unit has that serial or chip UID. */
  unit: async (serialOrUid: string): Promise<UnitRecord | null> => {
    try {
      return await request<UnitRecord>("GET", `/api/units/${seg(serialOrUid)}`);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    }
  },
  units: (query: { serial?: string; outcome?: string; page: number; pageSize: number }) => {
    const params = new URLSearchParams();
    if (query.serial) params.set("serial", query.serial);
    if (query.outcome) params.set("outcome", query.outcome);
    params.set("page", String(query.page));
    params.set("pageSize", String(query.pageSize));
    return request<UnitPage>("GET", `/api/units?${params.toString()}`);
  },
  recipes: () => request<RecipeSummary[]>("GET", "/api/recipes"),
  recipe: (name: string, version: number) => request<RecipeWithContent>("GET", `/api/recipes/${seg(name)}/${version}`),
  approveRecipe: (name: string, version: number) => request<RecipeSummary>("POST", `/api/recipes/${seg(name)}/${version}/approve`),
  activateRecipe: (name: string, version: number) => request<RecipeSummary>("POST", `/api/recipes/${seg(name)}/${version}/activate`),
  cycleTimes: (since: string | null) => request<CycleTimeStats>("GET", `/api/stats/cycle-times${since ? `?since=${seg(since)}` : ""}`),
  failures: (since: string | null) => request<FailureCount[]>("GET", `/api/stats/failures${since ? `?since=${seg(since)}` : ""}`),
  verifyLedger: () => request<LedgerVerify>("GET", "/api/ledger/verify"),
};

/** The download link of a unit's full record (docs/API.md). */
export function recordUrl(serialOrUid: string, format: "json" | "csv"): string {
  return `/api/units/${seg(serialOrUid)}/record?format=${format}`;
}
