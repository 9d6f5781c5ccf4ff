"use client";
import { useEffect } from "react";

// Typing in a field must not trigger page shortcuts.
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/** `/` focuses the search, `?` opens its help — as in Scope, Grafana and GitHub. */
export function usePageHotkeys(handlers: { focusSearch: () => void; openHelp: () => void }): void {
  const { focusSearch, openHelp } = handlers;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (event.key === "/") {
        event.preventDefault();
        focusSearch();
      } else if (event.key === "?") {
        event.preventDefault();
        openHelp();
      }
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [focusSearch, openHelp]);
}
