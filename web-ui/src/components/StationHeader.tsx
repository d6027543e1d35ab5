import { memo } from "react";
import type { StationInfo } from "../api/types";
import { formatPerHour, formatRatio } from "../logic/format";

/** Active recipe, mode and the shift's figures (docs/API.md GET /api/station, stationChanged). */
export const StationHeader = memo(function StationHeader({ station }: { station: StationInfo | null }) {
  if (!station) {
    return (
      <section className="station-header" aria-label="Station">
        <p>Loading station…</p>
      </section>
    );
  }
  const recipe = station.activeRecipe;
  return (
    <section className="station-header" aria-label="Station">
      <dl className="figure">
        <dt>Station</dt>
        <dd>{station.name}</dd>
      </dl>
      <dl className="figure" data-testid="active-recipe">
        <dt>Active recipe</dt>
        <dd>
          {recipe ? (
            <>
              {recipe.name} v{recipe.version}{" "}
              {recipe.approved ? <span className="badge badge--ok">✓ approved</span> : <span className="badge badge--warn">⚠ not approved</span>}
            </>
          ) : (
            <span className="badge badge--warn">⚠ none</span>
          )}
        </dd>
      </dl>
      <dl className="figure">
        <dt>Mode</dt>
        <dd>{station.mode === "auto" ? "Auto" : "Directed"}</dd>
      </dl>
      <dl className="figure">
        <dt>Units / hour</dt>
        <dd>{formatPerHour(station.shift.unitsPerHour)}</dd>
      </dl>
      <dl className="figure">
        <dt>Yield</dt>
        <dd>{formatRatio(station.shift.yield)}</dd>
      </dl>
      <dl className="figure">
        <dt>First-pass yield</dt>
        <dd>{formatRatio(station.shift.firstPassYield)}</dd>
      </dl>
      <dl className="figure">
        <dt>Units this shift</dt>
        <dd>
          {station.shift.passed} / {station.shift.units} passed
        </dd>
      </dl>
    </section>
  );
});
