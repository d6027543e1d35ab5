// Hash routes, so the host serves one index.html and deep links still work:
//   #/             dashboard          #/run/<runId>   dashboard with the run drawer open
//   #/qa           QA look-up         #/qa/<serial or chip UID>
//   #/recipes      recipes
export type Route =
  | { page: "dashboard"; runId: string | null }
  | { page: "qa"; query: string | null }
  | { page: "recipes" };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, "").replace(/^\/+/, "");
  const [head = "", ...rest] = path.split("/");
  const tail = rest.join("/");
  const arg = tail ? safeDecode(tail) : null;
  switch (head) {
    case "run":
      return { page: "dashboard", runId: arg };
    case "qa":
      return { page: "qa", query: arg };
    case "recipes":
      return { page: "recipes" };
    default:
      return { page: "dashboard", runId: null };
  }
}

export function routeHash(route: Route): string {
  switch (route.page) {
    case "dashboard":
      return route.runId ? `#/run/${encodeURIComponent(route.runId)}` : "#/";
    case "qa":
      return route.query ? `#/qa/${encodeURIComponent(route.query)}` : "#/qa";
    case "recipes":
      return "#/recipes";
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
