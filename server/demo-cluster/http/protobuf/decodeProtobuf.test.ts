import { describe, expect, test } from "vitest";
import { decodeKubernetesProtobuf, messageNameFor } from "./decodeProtobuf";

// A minimal protobuf writer, enough to build what kubectl's typed clients send.
const varint = (value: number): Buffer => {
  const bytes: number[] = [];
  let v = BigInt.asUintN(64, BigInt(value));
  do {
    const low = Number(v & 0x7fn);
    v >>= 7n;
    bytes.push(v > 0n ? low | 0x80 : low);
  } while (v > 0n);
  return Buffer.from(bytes);
};
const tag = (field: number, wire: number) => varint((field << 3) | wire);
const num = (field: number, value: number) => Buffer.concat([tag(field, 0), varint(value)]);
const bytes = (field: number, content: Buffer) => Buffer.concat([tag(field, 2), varint(content.length), content]);
const str = (field: number, text: string) => bytes(field, Buffer.from(text));
const msg = (field: number, ...parts: Buffer[]) => bytes(field, Buffer.concat(parts));
const mapEntry = (field: number, key: string, value: string) => msg(field, str(1, key), str(2, value));

function envelope(apiVersion: string, kind: string, raw: Buffer): Buffer {
  const unknown = Buffer.concat([msg(1, str(1, apiVersion), str(2, kind)), bytes(2, raw)]);
  return Buffer.concat([Buffer.from("k8s\u0000", "binary"), unknown]);
}

describe("decodeKubernetesProtobuf", () => {
  test("reads an Eviction as kubectl drain sends it, dropping Go's omitted zero values", () => {
    const metadata = msg(1, str(1, "web-0"), str(2, ""), str(3, "default"), num(7, 0), msg(8));
    const deleteOptions = msg(2, num(1, 0), str(4, "Background"));
    const decoded = decodeKubernetesProtobuf(envelope("policy/v1", "Eviction", Buffer.concat([metadata, deleteOptions])));
    expect(decoded).toEqual({
      apiVersion: "policy/v1",
      kind: "Eviction",
      metadata: { name: "web-0", namespace: "default", creationTimestamp: null },
      deleteOptions: { gracePeriodSeconds: 0, propagationPolicy: "Background" },
    });
  });

  test("reads maps, times, repeated messages and int-or-string", () => {
    const metadata = msg(1, str(1, "shop"), mapEntry(11, "app", "shop"), mapEntry(11, "tier", "web"), msg(8, num(1, 1735689600)));
    const port = msg(1, str(1, "http"), str(2, "TCP"), num(3, 80), msg(4, num(1, 1), str(3, "web")));
    const decoded = decodeKubernetesProtobuf(envelope("v1", "Service", Buffer.concat([metadata, msg(2, port, mapEntry(2, "app", "shop"))])));
    expect(decoded).toMatchObject({
      kind: "Service",
      metadata: { name: "shop", labels: { app: "shop", tier: "web" }, creationTimestamp: "2025-01-01T00:00:00Z" },
      spec: { ports: [{ name: "http", protocol: "TCP", port: 80, targetPort: "web" }], selector: { app: "shop" } },
    });
  });

  test("reads a SelfSubjectAccessReview and negative numbers", () => {
    const spec = msg(2, msg(1, str(1, "default"), str(2, "delete"), str(5, "pods")));
    expect(decodeKubernetesProtobuf(envelope("authorization.k8s.io/v1", "SelfSubjectAccessReview", spec))).toMatchObject({ spec: { resourceAttributes: { namespace: "default", verb: "delete", resource: "pods" } } });
    const probe = msg(2, msg(2, str(1, "app"), str(2, "busybox"), msg(11, num(2, -5))));
    expect(decodeKubernetesProtobuf(envelope("v1", "Pod", probe))).toMatchObject({ spec: { containers: [{ readinessProbe: { initialDelaySeconds: -5 } }] } });
  });

  test("maps group versions to protobuf packages", () => {
    expect(messageNameFor("apps/v1", "Deployment")).toBe("k8s.io.api.apps.v1.Deployment");
    expect(messageNameFor("v1", "Namespace")).toBe("k8s.io.api.core.v1.Namespace");
    expect(messageNameFor("networking.k8s.io/v1", "Ingress")).toBe("k8s.io.api.networking.v1.Ingress");
    expect(messageNameFor("policy/v1", "DeleteOptions")).toBe("k8s.io.apimachinery.pkg.apis.meta.v1.DeleteOptions");
  });

  test("refuses bodies without the prefix (400) and types it cannot read (415)", () => {
    expect(() => decodeKubernetesProtobuf(Buffer.from("{}"))).toThrowError(expect.objectContaining({ code: 400 }));
    expect(() => decodeKubernetesProtobuf(envelope("example.com/v1", "Widget", Buffer.alloc(0)))).toThrowError(expect.objectContaining({ code: 415 }));
  });
});
