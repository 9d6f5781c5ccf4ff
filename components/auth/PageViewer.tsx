"use client";
import { createContext, useContext, type ReactNode } from "react";

/** What the server already knew about the person when it rendered the page, so no request has to ask. */
export interface PageViewer {
  /** The person signed in to Orrery (a session); false with login off and on embedded views. */
  signedIn: boolean;
  /** Opened with an embed token: the person is the token, with its one view. */
  embedded: boolean;
  /** May make, list and revoke embed links (the Embed button shows only then). */
  mayManageEmbedTokens: boolean;
}

const nobody: PageViewer = { signedIn: false, embedded: false, mayManageEmbedTokens: false };
const PageViewerContext = createContext<PageViewer>(nobody);

/** Set by the dashboard layout from the person it authenticated. */
export function PageViewerProvider({ viewer, children }: { viewer: PageViewer; children: ReactNode }) {
  return <PageViewerContext.Provider value={viewer}>{children}</PageViewerContext.Provider>;
}

export function usePageViewer(): PageViewer {
  return useContext(PageViewerContext);
}
