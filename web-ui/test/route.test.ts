import { describe, expect, it } from "vitest";
import { parseRoute, routeHash } from "../src/logic/route";

describe("hash routes", () => {
  it("parses every page", () => {
    expect(parseRoute("")).toEqual({ page: "dashboard", runId: null });
    expect(parseRoute("#/")).toEqual({ page: "dashboard", runId: null });
    expect(parseRoute("#/run/0193-ab")).toEqual({ page: "dashboard", runId: "0193-ab" });
    expect(parseRoute("#/qa")).toEqual({ page: "qa", query: null });
    expect(parseRoute("#/qa/SN%2F0001")).toEqual({ page: "qa", query: "SN/0001" });
    expect(parseRoute("#/recipes")).toEqual({ page: "recipes" });
    expect(parseRoute("#/nowhere")).toEqual({ page: "dashboard", runId: null });
  });

  it("round-trips", () => {
    for (const route of [
      { page: "dashboard", runId: null },
      { page: "dashboard", runId: "r 1" },
      { page: "qa", query: "SN-1/2" },
      { page: "qa", query: null },
      { page: "recipes" },
    ] as const) {
      expect(parseRoute(routeHash(route))).toEqual(route);
    }
  });

  it("keeps a malformed escape as written", () => {
    expect(parseRoute("#/qa/100%")).toEqual({ page: "qa", query: "100%" });
  });
});
