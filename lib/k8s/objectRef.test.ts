import { describe, expect, test } from "vitest";
import { formatObjectRef, parseObjectRef, resourceForKind } from "./objectRef";

describe("parseObjectRef", () => {
  test("reads namespaced and cluster-scoped references", () => {
    expect(parseObjectRef("pods/shop/frontend-1")).toEqual({ resource: "pods", namespace: "shop", name: "frontend-1" });
    expect(parseObjectRef("nodes/node-1")).toEqual({ resource: "nodes", name: "node-1" });
  });

  test("rejects unknown kinds and wrong shapes", () => {
    expect(parseObjectRef("secrets/shop/token")).toBeUndefined();
    expect(parseObjectRef("pods/frontend-1")).toBeUndefined();
    expect(parseObjectRef("nodes/a/b")).toBeUndefined();
    expect(parseObjectRef("pods//x")).toBeUndefined();
  });

  test("round-trips with formatObjectRef", () => {
    const ref = { resource: "services" as const, namespace: "shop", name: "cart" };
    expect(parseObjectRef(formatObjectRef(ref))).toEqual(ref);
  });
});

describe("resourceForKind", () => {
  test("maps object kinds to watched resources", () => {
    expect(resourceForKind("ReplicaSet")).toBe("replicasets");
    expect(resourceForKind("Secret")).toBeUndefined();
  });
});
