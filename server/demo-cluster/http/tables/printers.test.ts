import { describe, expect, test } from "vitest";
import { findResource } from "../../resources";
import { deployment, node, pod } from "../testing/fixtures";
import { buildTable, printerFor } from "./printers";

const now = Date.now();
const created = new Date(now - 5 * 60 * 1000).toISOString();
const info = (gv: string, plural: string) => findResource(gv, plural)!;
const cells = (gv: string, plural: string, object: Parameters<ReturnType<typeof printerFor>["cells"]>[0]) =>
  printerFor(info(gv, plural)).cells({ ...object, metadata: { ...object.metadata, creationTimestamp: created } }, now);
const names = (gv: string, plural: string) => printerFor(info(gv, plural)).columns.filter((c) => c.priority === 0).map((c) => c.name.toUpperCase());

describe("table printers", () => {
  test("nodes: Ready, NotReady and SchedulingDisabled", () => {
    expect(cells("v1", "nodes", node("n1"))).toEqual(["n1", "Ready", "<none>", "5m", "v1.32.0", "10.0.0.11", "<none>", "Debian GNU/Linux 12 (bookworm)", "6.1.0-18-amd64", "containerd://1.7.13"]);
    expect(cells("v1", "nodes", node("n2", { ready: false, unschedulable: true }))[1]).toBe("NotReady,SchedulingDisabled");
  });

  test("deployments: READY UP-TO-DATE AVAILABLE AGE", () => {
    expect(names("apps/v1", "deployments")).toEqual(["NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE"]);
    expect(cells("apps/v1", "deployments", deployment("shop", 3))).toEqual(["shop", "3/3", 3, 3, "5m", "web", "nginx:1.27", "app=shop"]);
  });

  test("services: TYPE CLUSTER-IP EXTERNAL-IP PORT(S)", () => {
    const svc = { metadata: { name: "db", namespace: "default" }, spec: { type: "NodePort", clusterIPs: ["10.96.3.4"], ports: [{ port: 5432, nodePort: 30432, protocol: "TCP" }], selector: { app: "db" } } };
    expect(names("v1", "services")).toEqual(["NAME", "TYPE", "CLUSTER-IP", "EXTERNAL-IP", "PORT(S)", "AGE"]);
    expect(cells("v1", "services", svc)).toEqual(["db", "NodePort", "10.96.3.4", "<none>", "5432:30432/TCP", "5m", "app=db"]);
    const lb = { metadata: { name: "lb" }, spec: { type: "LoadBalancer", clusterIPs: ["10.96.0.9"], ports: [{ port: 80, protocol: "TCP" }] }, status: { loadBalancer: {} } };
    expect(cells("v1", "services", lb)[3]).toBe("<pending>");
  });

  test("jobs: STATUS COMPLETIONS DURATION", () => {
    const job = { metadata: { name: "backup" }, spec: { completions: 1, template: { spec: { containers: [] } } }, status: { succeeded: 1, startTime: "2025-01-01T00:00:00Z", completionTime: "2025-01-01T00:00:42Z", conditions: [{ type: "Complete", status: "True" }] } };
    expect(names("batch/v1", "jobs")).toEqual(["NAME", "STATUS", "COMPLETIONS", "DURATION", "AGE"]);
    expect(cells("batch/v1", "jobs", job).slice(0, 4)).toEqual(["backup", "Complete", "1/1", "42s"]);
  });

  test("events: LAST SEEN TYPE REASON OBJECT MESSAGE", () => {
    const event = { metadata: { name: "web.1", namespace: "default" }, involvedObject: { kind: "Pod", name: "web" }, type: "Warning", reason: "BackOff", message: "Back-off restarting failed container ", count: 4, source: { component: "kubelet", host: "node-1" }, firstTimestamp: created, lastTimestamp: created };
    expect(names("v1", "events")).toEqual(["LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"]);
    expect(cells("v1", "events", event)).toEqual(["5m", "Warning", "BackOff", "pod/web", "", "kubelet, node-1", "Back-off restarting failed container", "5m", 4, "web.1"]);
  });

  test("configmaps, secrets, pvcs and a generic NAME/AGE fallback", () => {
    expect(cells("v1", "configmaps", { metadata: { name: "cfg" }, data: { a: "1", b: "2" } })).toEqual(["cfg", 2, "5m"]);
    expect(cells("v1", "secrets", { metadata: { name: "s" }, type: "Opaque", data: { k: "dg==" } })).toEqual(["s", "Opaque", 1, "5m"]);
    const pvc = { metadata: { name: "data" }, spec: { volumeName: "pv-1", storageClassName: "standard" }, status: { phase: "Bound", capacity: { storage: "10Gi" }, accessModes: ["ReadWriteOnce"] } };
    expect(cells("v1", "persistentvolumeclaims", pvc)).toEqual(["data", "Bound", "pv-1", "10Gi", "RWO", "standard", "<unset>", "5m", "<unset>"]);
    expect(names("authorization.k8s.io/v1", "selfsubjectaccessreviews")).toEqual(["NAME", "AGE"]);
  });

  test("buildTable carries PartialObjectMetadata rows and the column definitions", () => {
    const table = buildTable(info("v1", "pods"), [pod("web")], { include: "Metadata", version: "v1", withColumns: true, resourceVersion: "7" });
    expect(table).toMatchObject({ kind: "Table", apiVersion: "meta.k8s.io/v1", metadata: { resourceVersion: "7" } });
    expect((table.rows as { object: unknown }[])[0]!.object).toEqual({ kind: "PartialObjectMetadata", apiVersion: "meta.k8s.io/v1", metadata: pod("web").metadata });
    expect(buildTable(info("v1", "pods"), [pod("web")], { include: "None", version: "v1", withColumns: false }).columnDefinitions).toEqual([]);
  });
});
