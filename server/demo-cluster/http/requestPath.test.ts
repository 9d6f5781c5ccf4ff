import { describe, expect, test } from "vitest";
import { parseResourcePath } from "./requestPath";

const describeTarget = (path: string) => {
  const t = parseResourcePath(path);
  return t && { resource: `${t.info.group}/${t.info.plural}`, namespace: t.namespace, name: t.name, subresource: t.subresource };
};

describe("parseResourcePath", () => {
  test("namespaced collections, items and subresources", () => {
    expect(describeTarget("/api/v1/namespaces/dev/pods")).toEqual({ resource: "/pods", namespace: "dev", name: undefined, subresource: undefined });
    expect(describeTarget("/apis/apps/v1/namespaces/dev/deployments/web/scale")).toEqual({ resource: "apps/deployments", namespace: "dev", name: "web", subresource: "scale" });
  });

  test("all-namespace lists and cluster-scoped objects", () => {
    expect(describeTarget("/api/v1/pods")).toMatchObject({ resource: "/pods", namespace: undefined });
    expect(describeTarget("/api/v1/nodes/n1/status")).toMatchObject({ resource: "/nodes", name: "n1", subresource: "status" });
  });

  test("namespaces themselves, including their subresources", () => {
    expect(describeTarget("/api/v1/namespaces/dev")).toMatchObject({ resource: "/namespaces", name: "dev", namespace: undefined });
    expect(describeTarget("/api/v1/namespaces/dev/status")).toMatchObject({ resource: "/namespaces", name: "dev", subresource: "status" });
  });

  test("nothing for unknown resources or a namespaced item without namespace", () => {
    expect(parseResourcePath("/api/v1/widgets")).toBeUndefined();
    expect(parseResourcePath("/apis/apps/v2/deployments")).toBeUndefined();
    expect(parseResourcePath("/api/v1/pods/web")).toBeUndefined();
    // A cluster-scoped resource under a namespace reads as a subresource of the namespace, which REST answers 404.
    expect(describeTarget("/api/v1/namespaces/dev/nodes")).toMatchObject({ resource: "/namespaces", name: "dev", subresource: "nodes" });
  });
});
