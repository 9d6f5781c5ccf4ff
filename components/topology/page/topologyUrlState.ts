import type { TopologyKind, TopologyStatus, TopologyView } from "@/lib/wire/topology";
import type { Viewport } from "../render/viewport";

// Everything that makes up a view of the map, kept in the URL so a copied link reopens it.

export const topologyViews: readonly TopologyView[] = ["pods", "hosts", "controllers", "services", "containers", "namespaces"];
export type TopologyMode = "map" | "table";

export interface TopologyPageState {
  view: TopologyView;
  mode: TopologyMode;
  /** Namespaces asked of the server; empty means all the person may see. */
  namespaces: string[];
  /** Kinds the person switched off. */
  hiddenKinds: TopologyKind[];
  hideSystem: boolean;
  /** Statuses to keep; empty keeps all. */
  statuses: TopologyStatus[];
  query: string;
  pinned: string[];
  selected?: string;
  /** Groups the person expanded (aggregated views). */
  expanded: string[];
  viewport?: Viewport;
  paused: boolean;
  sort?: string;
}

export const topologyUrlKeys = {
  view: "view",
  mode: "mode",
  namespaces: "ns",
  hiddenKinds: "hide",
  hideSystem: "system",
  statuses: "status",
  query: "q",
  pinned: "pin",
  selected: "sel",
  expanded: "expand",
  viewport: "at",
  paused: "paused",
  sort: "sort",
} as const satisfies Record<keyof TopologyPageState, string>;

const statuses: readonly TopologyStatus[] = ["running", "pending", "crashlooping", "failed", "terminating", "notready", "succeeded", "unknown"];
const kinds: readonly TopologyKind[] = ["Node", "Pod", "Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "Unmanaged", "Service", "Ingress", "Container", "Namespace", "Group"];

const list = (text: string | null) => (text ? text.split(",").map((part) => part.trim()).filter(Boolean) : []);
const oneOf = <T extends string>(allowed: readonly T[], values: string[]) => values.filter((value): value is T => (allowed as readonly string[]).includes(value));

/** "x,y,k" as written by formatViewport; anything else is ignored so a mangled link still opens. */
export function parseViewport(text: string | null): Viewport | undefined {
  const parts = list(text).map(Number);
  if (parts.length !== 3 || parts.some((n) => !Number.isFinite(n))) return undefined;
  const [x, y, k] = parts as [number, number, number];
  return k > 0 ? { x, y, k } : undefined;
}

export function formatViewport(viewport: Viewport): string {
  return `${Math.round(viewport.x)},${Math.round(viewport.y)},${Number(viewport.k.toFixed(4))}`;
}

/** The page state a URL names; unknown values fall back to defaults rather than failing. */
export function parseTopologyState(params: URLSearchParams): TopologyPageState {
  const view = oneOf(topologyViews, [params.get(topologyUrlKeys.view) ?? ""])[0] ?? "pods";
  return {
    view,
    mode: params.get(topologyUrlKeys.mode) === "table" ? "table" : "map",
    namespaces: list(params.get(topologyUrlKeys.namespaces)),
    hiddenKinds: oneOf(kinds, list(params.get(topologyUrlKeys.hiddenKinds))),
    // System namespaces are shown unless the link says otherwise.
    hideSystem: params.get(topologyUrlKeys.hideSystem) === "hide",
    statuses: oneOf(statuses, list(params.get(topologyUrlKeys.statuses))),
    query: params.get(topologyUrlKeys.query) ?? "",
    pinned: params.getAll(topologyUrlKeys.pinned).filter((text) => text.trim() !== ""),
    selected: params.get(topologyUrlKeys.selected) || undefined,
    expanded: list(params.get(topologyUrlKeys.expanded)),
    viewport: parseViewport(params.get(topologyUrlKeys.viewport)),
    paused: params.get(topologyUrlKeys.paused) === "1",
    sort: params.get(topologyUrlKeys.sort) || undefined,
  };
}

/** `current` with `changes` applied, as a query string; defaults are left out so links stay short. */
export function formatTopologyState(current: URLSearchParams, changes: Partial<TopologyPageState>): string {
  const params = new URLSearchParams(current);
  const set = (key: string, value: string | undefined) => (value ? params.set(key, value) : params.delete(key));
  for (const [name, value] of Object.entries(changes) as [keyof TopologyPageState, TopologyPageState[keyof TopologyPageState]][]) {
    const key = topologyUrlKeys[name];
    if (name === "pinned") {
      params.delete(key);
      for (const text of value as string[]) params.append(key, text);
    } else if (name === "viewport") set(key, value ? formatViewport(value as Viewport) : undefined);
    else if (name === "hideSystem") set(key, value ? "hide" : undefined);
    else if (name === "paused") set(key, value ? "1" : undefined);
    else if (name === "view") set(key, value === "pods" ? undefined : (value as string));
    else if (name === "mode") set(key, value === "map" ? undefined : (value as string));
    else if (Array.isArray(value)) set(key, value.join(","));
    else set(key, value as string | undefined);
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}
