import { describe, expect, test } from "vitest";
import { MalformedObjectError, prepareObject } from "./objects";
import { kindInfo } from "./resources";

describe("prepareObject", () => {
  test("drops managedFields, fills kind and apiVersion, and freezes deeply", () => {
    const raw = { metadata: { name: "web", labels: { app: "web" }, managedFields: [{ manager: "kubectl" }] }, spec: { replicas: 2, template: { spec: { containers: [{ name: "c" }] } } } };
    const object = prepareObject(raw, kindInfo("deployments"));
    expect(object.metadata).toEqual({ name: "web", labels: { app: "web" } });
    expect(object.kind).toBe("Deployment");
    expect(object.apiVersion).toBe("apps/v1");
    const containers = (object.spec as { template: { spec: { containers: { name: string }[] } } }).template.spec.containers;
    expect(() => {
      containers[0]!.name = "changed";
    }).toThrow(TypeError);
    expect(Object.isFrozen(object.metadata.labels)).toBe(true);
  });

  test("rejects something without metadata.name", () => {
    expect(() => prepareObject({ spec: {} }, kindInfo("pods"))).toThrow(MalformedObjectError);
  });
});
