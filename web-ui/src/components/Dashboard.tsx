import { useCallback, useMemo, useState } from "react";
import type { Me } from "../api/types";
import type { StationHub } from "../api/hub";
import { api } from "../api/client";
import { orderedSlots, type DashboardState, type SlotView } from "../logic/slots";
import { cancelConfirmation, type Confirmation } from "../logic/confirm";
import { can } from "../logic/roles";
import { SlotTile } from "./SlotTile";
import { ConfirmDialog } from "./ConfirmDialog";
import { StartRunDialog } from "./StartRunDialog";
import { Plots } from "./Plots";
import { RunDrawer } from "./RunDrawer";

interface Props {
  me: Me;
  state: DashboardState;
  hub: StationHub | null;
  openRunId: string | null;
  onOpenRun: (runId: string | null) => void;
}

export function Dashboard({ me, state, hub, openRunId, onOpenRun }: Props) {
  const slots = orderedSlots(state);
  const [cancel, setCancel] = useState<{ runId: string; confirmation: Confirmation } | null>(null);
  const [start, setStart] = useState<SlotView | null>(null);
  const slotNames = useMemo(() => [...state.order], [state.order]);

  // Stable callbacks: SlotTile is memoised and renders again only when its slot changes.
  const askCancel = useCallback((slot: SlotView) => {
    if (!slot.runId) return;
    setCancel({ runId: slot.runId, confirmation: cancelConfirmation(slot) });
  }, []);

  return (
    <>
      <h1 className="sr-only">Slots</h1>
      {slots.length === 0 && state.synced && <p>This station has no slots configured.</p>}
      <div className={`slot-grid${state.synced ? "" : " slot-grid--stale"}`} aria-busy={!state.synced}>
        {slots.map((slot) => (
          <SlotTile
            key={slot.slot}
            slot={slot}
            roles={me.roles}
            mode={state.station?.mode ?? null}
            onOpenRun={onOpenRun}
            onCancel={askCancel}
            onStart={setStart}
          />
        ))}
      </div>
      <Plots hub={hub} since={state.station?.shift.since ?? null} slots={slotNames} />
      <ConfirmDialog
        confirmation={cancel?.confirmation ?? null}
        onConfirm={async () => {
          if (cancel) await api.cancelRun(cancel.runId);
        }}
        onClose={() => setCancel(null)}
      />
      <StartRunDialog slot={start} station={state.station} operator={me.name} onClose={() => setStart(null)} />
      <RunDrawer runId={openRunId} hub={hub} qaLink={can(me.roles, "lookUpUnits")} onClose={() => onOpenRun(null)} />
    </>
  );
}
