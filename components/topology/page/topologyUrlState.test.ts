import { describe, expect, test } from "vitest";
import { formatTopologyState, parseTopologyState, parseViewport } from "./topologyUrlState";

const parse = (search: string) => parseTopologyState(new URLSearchParams(search));

describe("topology URL state", () => {
  test("defaults for an empty URL", () => {
    expect(parse("")).toEqual({ view: "pods", mode: "map", namespaces: [], hiddenKinds: [], hideSystem: false, statuses: [], query: "", pinned: [], selected: undefined, expanded: [], viewport: undefined, paused: false, sort: undefined });
  });

  test("a whole view survives a round trip through the URL", () => {
    const state = {
      view: "controllers" as const,
      mode: "table" as const,
      namespaces: ["shop", "data"],
      hiddenKinds: ["Service" as const],
      hideSystem: true,
      statuses: ["pending" as const, "failed" as const],
      query: "memory > 100M",
      pinned: ["ns:shop", "label:app=redis"],
      selected: "uid-1",
      expanded: ["group:namespace:shop"],
      viewport: { x: 12, y: -40, k: 1.5 },
      paused: true,
      sort: "-memory",
    };
    expect(parse(formatTopologyState(new URLSearchParams(), state))).toEqual(state);
  });

  test("defaults are left out of the link and other keys are kept", () => {
    expect(formatTopologyState(new URLSearchParams("other=1&view=hosts"), { view: "pods", mode: "map", namespaces: [], paused: false })).toBe("?other=1");
  });

  test("unknown views, kinds and statuses fall back instead of failing", () => {
    const state = parse("view=galaxy&hide=Pod,Planet&status=running,exploded&mode=3d");
    expect(state.view).toBe("pods");
    expect(state.mode).toBe("map");
    expect(state.hiddenKinds).toEqual(["Pod"]);
    expect(state.statuses).toEqual(["running"]);
  });

  test("a viewport needs three finite numbers and a positive scale", () => {
    expect(parseViewport("1,2,0.5")).toEqual({ x: 1, y: 2, k: 0.5 });
    expect(parseViewport("1,2")).toBeUndefined();
    expect(parseViewport("1,2,0")).toBeUndefined();
    expect(parseViewport("a,b,c")).toBeUndefined();
  });
});
