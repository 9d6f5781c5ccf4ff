import { describe, expect, test } from "vitest";
import { negotiate } from "./negotiate";

describe("negotiate", () => {
  test("answers a Table to kubectl get's Accept", () => {
    expect(negotiate("application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json")).toEqual({ as: "table", version: "v1" });
  });

  test("falls back to plain JSON past aggregated discovery and protobuf", () => {
    expect(negotiate("application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json")).toEqual({ as: "object" });
    expect(negotiate("application/vnd.kubernetes.protobuf, */*")).toEqual({ as: "object" });
    expect(negotiate(undefined)).toEqual({ as: "object" });
  });

  test("serves metadata-only lists", () => {
    expect(negotiate("application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1")).toEqual({ as: "partial", version: "v1" });
  });

  test("answers 406 when nothing acceptable is offered", () => {
    expect(() => negotiate("application/vnd.kubernetes.protobuf")).toThrowError(expect.objectContaining({ code: 406 }));
  });
});
