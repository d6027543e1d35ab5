import type { ReactNode } from "react";
import type { Offer } from "../logic/roles";

interface Props {
  offer: Offer;
  onClick: () => void;
  children: ReactNode;
  className?: string;
  /** Hide the button entirely when not allowed, instead of showing it disabled with the reason. */
  hideWhenNotAllowed?: boolean;
  label?: string;
}

/**
 * A button for an action some roles may not take. Not allowed: shown disabled (still focusable, so
 * the reason can be read) with the reason beside it, or hidden.
 */
export function ActionButton({ offer, onClick, children, className, hideWhenNotAllowed, label }: Props) {
  if (!offer.allowed && hideWhenNotAllowed) return null;
  if (offer.allowed) {
    return (
      <button type="button" className={className} onClick={onClick} aria-label={label}>
        {children}
      </button>
    );
  }
  return (
    <span className="not-offered-wrap">
      <button type="button" className={className} aria-disabled="true" title={offer.reason ?? undefined} aria-label={label} aria-describedby={undefined}>
        {children}
      </button>{" "}
      <span className="not-offered">{offer.reason}</span>
    </span>
  );
}
