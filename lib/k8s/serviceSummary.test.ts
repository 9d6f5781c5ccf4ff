import { describe, expect, test } from "vitest";
import { countEndpointsByService, formatServicePorts } from "./serviceSummary";
import type { EndpointSlice } from "./types";

describe("formatServicePorts", () => {
  test("prints ports like kubectl", () => {
    expect(formatServicePorts([{ port: 80, protocol: "TCP" }, { port: 53, protocol: "UDP" }])).toBe("80/TCP,53/UDP");
    expect(formatServicePorts([{ port: 443, nodePort: 30443 }])).toBe("443:30443/TCP");
    expect(formatServicePorts(undefined)).toBe("<none>");
  });
});

describe("countEndpointsByService", () => {
  test("adds up slices of the same service and counts unready endpoints apart", () => {
    const slice = (name: string, ready: (boolean | undefined)[]): EndpointSlice => ({
      metadata: { name, namespace: "shop", labels: { "kubernetes.io/service-name": "frontend" } },
      endpoints: ready.map((r) => ({ addresses: ["10.0.0.1"], conditions: r === undefined ? {} : { ready: r } })),
    });
    const counts = countEndpointsByService([slice("a", [true, false]), slice("b", [undefined]), { metadata: { name: "orphan", namespace: "shop" } }]);
    expect(counts.get("shop/frontend")).toEqual({ ready: 2, total: 3 });
    expect(counts.size).toBe(1);
  });
});
