import { describe, expect, test } from "vitest";
import { ObjectStore } from "../store";
import { ManualClock } from "./clock";
import { EventRecorder } from "./events";

const pod = { apiVersion: "v1", kind: "Pod", metadata: { name: "web-1", namespace: "shop", uid: "uid-1", resourceVersion: "7" } };
const node = { apiVersion: "v1", kind: "Node", metadata: { name: "node-2", uid: "real-node-uid" } };
const backOff = { type: "Warning" as const, reason: "BackOff", message: "Back-off restarting failed container", source: { component: "kubelet", host: "node-2" }, fieldPath: "spec.containers{app}" };

describe("EventRecorder", () => {
  test("records a core/v1 Event and counts repeats on the same object", () => {
    const store = new ObjectStore();
    const clock = new ManualClock();
    const recorder = new EventRecorder(store, clock, 100);
    recorder.record(pod, backOff);
    clock.advance(10_000);
    recorder.record(pod, backOff);
    const events = store.list("events", "shop");
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      apiVersion: "v1", kind: "Event", type: "Warning", reason: "BackOff", count: 2,
      involvedObject: { kind: "Pod", name: "web-1", namespace: "shop", uid: "uid-1", fieldPath: "spec.containers{app}" },
      source: { component: "kubelet", host: "node-2" }, reportingComponent: "kubelet", reportingInstance: "node-2",
    });
    expect(Date.parse(events[0]!.lastTimestamp as string) - Date.parse(events[0]!.firstTimestamp as string)).toBe(10_000);
    expect(events[0]!.metadata.name).toMatch(/^web-1\.[0-9a-f]+$/);
  });

  test("node events live in default and use the node name as uid, like the kubelet's", () => {
    const store = new ObjectStore();
    new EventRecorder(store, new ManualClock(), 100).record(node, { type: "Warning", reason: "OOMKilling", message: "Killed process", source: { component: "kernel-monitor", host: "node-2" } });
    expect(store.list("events", "default")[0]).toMatchObject({ involvedObject: { kind: "Node", name: "node-2", uid: "node-2" } });
  });

  test("keeps at most the cap, dropping the least recently updated, and expires old events", () => {
    const store = new ObjectStore();
    const clock = new ManualClock();
    const recorder = new EventRecorder(store, clock, 3, 60_000);
    for (let i = 0; i < 5; i++) {
      recorder.record({ ...pod, metadata: { ...pod.metadata, name: `web-${i}`, uid: `u${i}` } }, backOff);
      clock.advance(1_000);
    }
    recorder.record({ ...pod, metadata: { ...pod.metadata, name: "web-0", uid: "u0" } }, backOff);
    recorder.prune();
    expect(store.list("events").map((e) => e.metadata.name.split(".")[0]).sort()).toEqual(["web-0", "web-3", "web-4"]);
    clock.advance(120_000);
    recorder.prune();
    expect(store.list("events")).toHaveLength(0);
  });
});
