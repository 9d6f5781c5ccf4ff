import { describe, expect, test } from "vitest";
import { objectRefOf } from "./nodeObjectRef";

describe("objectRefOf", () => {
  test("objects map to their resource; synthetic nodes to nothing", () => {
    expect(objectRefOf({ id: "1", kind: "Pod", name: "web-1", namespace: "shop", status: "running" })).toEqual({ resource: "pods", namespace: "shop", name: "web-1" });
    expect(objectRefOf({ id: "2", kind: "Node", name: "worker-1", status: "running" })).toEqual({ resource: "nodes", name: "worker-1" });
    expect(objectRefOf({ id: "3", kind: "Namespace", name: "shop", status: "running" })).toEqual({ resource: "namespaces", name: "shop" });
    expect(objectRefOf({ id: "4", kind: "Group", name: "shop", status: "running" })).toBeUndefined();
    expect(objectRefOf({ id: "5", kind: "Unmanaged", name: "Unmanaged", namespace: "shop", status: "running" })).toBeUndefined();
    expect(objectRefOf({ id: "6", kind: "Container", name: "app", namespace: "shop", status: "running" })).toBeUndefined();
  });
});
