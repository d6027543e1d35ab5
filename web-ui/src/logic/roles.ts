// What each role may do, from the roles docs/API.md gives each route. The dashboard offers only
// what the signed-in person may do; where hiding would puzzle (a button people expect), it shows
// the action disabled with the reason.
import type { Role } from "../api/types";

export type Action =
  | "viewSlots"
  | "viewRun"
  | "startRun"
  | "cancelRun"
  | "lookUpUnits"
  | "exportRecord"
  | "verifyLedger"
  | "viewRecipes"
  | "approveRecipe"
  | "activateRecipe";

/** The roles allowed each action (docs/API.md; admin may do everything). */
export const ALLOWED: Readonly<Record<Action, readonly Role[]>> = {
  viewSlots: ["operator", "engineer", "qa", "mes", "admin"],
  viewRun: ["operator", "engineer", "qa", "mes", "admin"],
  startRun: ["operator", "mes", "engineer", "admin"],
  cancelRun: ["operator", "mes", "engineer", "admin"],
  lookUpUnits: ["qa", "engineer", "admin"],
  exportRecord: ["qa", "engineer", "admin"],
  verifyLedger: ["qa", "admin"],
  viewRecipes: ["operator", "engineer", "qa", "mes", "admin"],
  approveRecipe: ["engineer", "admin"],
  activateRecipe: ["engineer", "admin"],
};

export function can(roles: readonly Role[], action: Action): boolean {
  const allowed = ALLOWED[action];
  return roles.some((role) => allowed.includes(role));
}

const ROLE_TEXT: Record<Role, string> = {
  operator: "operator",
  engineer: "engineer",
  qa: "QA",
  mes: "MES",
  admin: "admin",
};

function list(words: string[]): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} or ${words[words.length - 1]}`;
}

/** Why the action is not offered: "Needs the engineer or admin role." */
export function reasonNotAllowed(action: Action): string {
  return `Needs the ${list(ALLOWED[action].map((r) => ROLE_TEXT[r]))} role.`;
}

export interface Offer {
  allowed: boolean;
  /** Null when allowed. */
  reason: string | null;
}

export function offer(roles: readonly Role[], action: Action): Offer {
  return can(roles, action) ? { allowed: true, reason: null } : { allowed: false, reason: reasonNotAllowed(action) };
}

/** The pages a role sees in the navigation. */
export function pagesFor(roles: readonly Role[]): ("dashboard" | "qa" | "recipes")[] {
  const pages: ("dashboard" | "qa" | "recipes")[] = [];
  if (can(roles, "viewSlots")) pages.push("dashboard");
  if (can(roles, "lookUpUnits")) pages.push("qa");
  if (can(roles, "viewRecipes")) pages.push("recipes");
  return pages;
}

/** Roles as the header shows them: "operator, QA". */
export function formatRoles(roles: readonly Role[]): string {
  return roles.map((r) => ROLE_TEXT[r] ?? r).join(", ");
}
