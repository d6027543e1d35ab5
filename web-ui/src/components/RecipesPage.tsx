import { useCallback, useEffect, useState } from "react";
import type { Me, RecipeSummary, RecipeWithContent, StationInfo } from "../api/types";
import { api } from "../api/client";
import { offer } from "../logic/roles";
import { activateConfirmation, approveConfirmation, type Confirmation } from "../logic/confirm";
import { compareSlotNames, formatDateTime, shortHash } from "../logic/format";
import { ActionButton } from "./ActionButton";
import { ConfirmDialog } from "./ConfirmDialog";

interface Props {
  me: Me;
  station: StationInfo | null;
}

/** Recipes: every version, its content hash and approval; engineers approve and activate. */
export function RecipesPage({ me, station }: Props) {
  const [recipes, setRecipes] = useState<RecipeSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<{ confirmation: Confirmation; act: () => Promise<void> } | null>(null);
  const [content, setContent] = useState<RecipeWithContent | null>(null);

  const load = useCallback(() => {
    api.recipes().then(
      (r) => {
        setRecipes(r);
        setError(null);
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  }, []);
  // Again when the active recipe changes (stationChanged), so "active" stays true.
  const activeKey = station?.activeRecipe ? `${station.activeRecipe.name}/${station.activeRecipe.version}/${station.activeRecipe.approved}` : "";
  useEffect(load, [load, activeKey]);

  const approveOffer = offer(me.roles, "approveRecipe");
  const activateOffer = offer(me.roles, "activateRecipe");
  const sorted = [...(recipes ?? [])].sort((a, b) => compareSlotNames(a.name, b.name) || b.version - a.version);

  const show = async (r: RecipeSummary) => {
    try {
      setContent(await api.recipe(r.name, r.version));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <>
      <h1 className="page-title">Recipes</h1>
      {!approveOffer.allowed && <p className="hint">Approving and activating recipes: {approveOffer.reason}</p>}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {!recipes && !error && <p>Loading…</p>}
      {recipes && recipes.length === 0 && <p>No recipes yet.</p>}
      {recipes && recipes.length > 0 && (
        <div className="table-wrap card">
          <table>
            <thead>
              <tr>
                <th>Recipe</th>
                <th>Device</th>
                <th>Content hash</th>
                <th>Fuses</th>
                <th>Approval</th>
                <th>Active</th>
                <th>Actions</th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((r) => (
                <tr key={`${r.name}/${r.version}`} data-recipe={`${r.name} v${r.version}`}>
                  <th scope="row">
                    {r.name} v{r.version}
                  </th>
                  <td>{r.device}</td>
                  <td className="mono" title={r.sha256}>
                    {shortHash(r.sha256, 16)}
                  </td>
                  <td>{r.burnsFuses ? <span className="badge badge--warn">⚠ burns fuses</span> : "none"}</td>
                  <td>
                    {r.approved ? (
                      <>
                        <span className="badge badge--ok">✓ approved</span>{" "}
                        <span className="hint">
                          {r.approvedBy ?? ""} {formatDateTime(r.approvedAt)}
                        </span>
                      </>
                    ) : (
                      "not approved"
                    )}
                  </td>
                  <td>{r.active ? <span className="badge badge--info">● active</span> : ""}</td>
                  <td>
                    <div className="tile__actions">
                      <button type="button" onClick={() => void show(r)} aria-label={`Show ${r.name} v${r.version}`}>
                        Show
                      </button>
                      {!r.approved && (
                        <ActionButton
                          offer={approveOffer}
                          className={r.burnsFuses ? "danger" : "primary"}
                          label={`Approve ${r.name} v${r.version}`}
                          onClick={() =>
                            setPending({
                              confirmation: approveConfirmation(r),
                              act: async () => {
                                await api.approveRecipe(r.name, r.version);
                                load();
                              },
                            })
                          }
                        >
                          Approve
                        </ActionButton>
                      )}
                      {!r.active && (
                        <ActionButton
                          offer={activateOffer}
                          label={`Activate ${r.name} v${r.version}`}
                          hideWhenNotAllowed
                          onClick={() =>
                            setPending({
                              confirmation: activateConfirmation(r),
                              act: async () => {
                                await api.activateRecipe(r.name, r.version);
                                load();
                              },
                            })
                          }
                        >
                          Activate
                        </ActionButton>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {content && (
        <section className="card" aria-labelledby="recipe-content-title">
          <h2 id="recipe-content-title">
            {content.name} v{content.version}
          </h2>
          <p className="mono">sha256 {content.sha256}</p>
          <pre className="recipe-content mono" tabIndex={0}>
            {content.content}
          </pre>
          <button type="button" onClick={() => setContent(null)}>
            Close
          </button>
        </section>
      )}
      <ConfirmDialog confirmation={pending?.confirmation ?? null} onConfirm={async () => {
          if (pending) await pending.act();
        }} onClose={() => setPending(null)} />
    </>
  );
}
