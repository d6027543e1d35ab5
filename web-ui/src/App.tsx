import { useCallback, useEffect, useReducer, useState } from "react";
import type { Me } from "./api/types";
import { api, onUnauthorized } from "./api/client";
import { StationHub } from "./api/hub";
import { dashboardReducer, initialDashboardState } from "./logic/slots";
import { formatRoles, pagesFor } from "./logic/roles";
import { parseRoute, routeHash, type Route } from "./logic/route";
import { SignIn } from "./components/SignIn";
import { StationHeader } from "./components/StationHeader";
import { ConnectionBadge, ConnectionBanner } from "./components/ConnectionStatus";
import { Dashboard } from "./components/Dashboard";
import { QaPage } from "./components/QaPage";
import { RecipesPage } from "./components/RecipesPage";

function useRoute(): [Route, (route: Route) => void] {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onHash = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener("hashchange", onHash);
    return () => window.removeEventListener("hashchange", onHash);
  }, []);
  const go = useCallback((next: Route) => {
    const hash = routeHash(next);
    if (window.location.hash !== hash) window.location.hash = hash;
    else setRoute(next);
  }, []);
  return [route, go];
}

export function App() {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [bootError, setBootError] = useState<string | null>(null);
  const [route, go] = useRoute();
  const [state, dispatch] = useReducer(dashboardReducer, initialDashboardState);
  const [hub, setHub] = useState<StationHub | null>(null);
  // Stable, so the memoised slot tiles do not render again on every hub event.
  const openRun = useCallback((runId: string | null) => go({ page: "dashboard", runId }), [go]);

  useEffect(() => {
    api.me().then(setMe, (e: unknown) => setBootError(e instanceof Error ? e.message : String(e)));
    onUnauthorized(() => setMe(null));
    return () => onUnauthorized(null);
  }, []);

  // One hub connection while someone is signed in, whatever page is shown.
  useEffect(() => {
    if (!me) return;
    const h = new StationHub(dispatch, () => setMe(null));
    setHub(h);
    h.start();
    return () => {
      setHub(null);
      void h.stop();
    };
  }, [me]);

  if (bootError) {
    return (
      <main className="signin">
        <h1>Station</h1>
        <p className="error" role="alert">
          The station does not answer: {bootError}
        </p>
        <button type="button" onClick={() => window.location.reload()}>
          Try again
        </button>
      </main>
    );
  }
  if (me === undefined) return <main className="signin">Loading…</main>;
  if (me === null) return <SignIn onSignedIn={setMe} />;

  const pages = pagesFor(me.roles);
  const page = pages.includes(route.page) ? route.page : "dashboard";
  const signOut = async () => {
    try {
      await api.logout();
    } finally {
      setMe(null);
      go({ page: "dashboard", runId: null });
    }
  };

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <span className="brand">Station</span>
        <nav aria-label="Pages">
          <ul>
            {pages.map((p) => (
              <li key={p}>
                <a href={routeHash(p === "dashboard" ? { page: p, runId: null } : p === "qa" ? { page: p, query: null } : { page: p })} aria-current={page === p ? "page" : undefined}>
                  {p === "dashboard" ? "Slots" : p === "qa" ? "QA" : "Recipes"}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <ConnectionBadge connection={state.connection} />
        <div className="user">
          <span>
            {me.name} <span className="hint">({formatRoles(me.roles)})</span>
          </span>
          <button type="button" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      </header>
      <ConnectionBanner connection={state.connection} synced={state.synced} />
      <StationHeader station={state.station} />
      <main id="main" tabIndex={-1}>
        {page === "dashboard" && (
          <Dashboard
            me={me}
            state={state}
            hub={hub}
            openRunId={route.page === "dashboard" ? route.runId : null}
            onOpenRun={openRun}
          />
        )}
        {page === "qa" && <QaPage me={me} query={route.page === "qa" ? route.query : null} onQuery={(query) => go({ page: "qa", query })} />}
        {page === "recipes" && <RecipesPage me={me} station={state.station} />}
      </main>
    </>
  );
}
