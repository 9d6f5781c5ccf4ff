import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { startDemoCluster, type DemoCluster } from "@/server/demo-cluster/start";
import { RevocationList } from "../auth/revocationList";
import { EmbedTokens } from "../embed/embedTokens";
import { connectWithKubeconfigYaml, type ClusterConnection } from "../kube/connect";
import { setLogLevel } from "../log";
import { secretPath, type SecretRef } from "./secretRef";
import { SecretStateStore, StateSecretError } from "./secretStateStore";
import { StateTooLargeError } from "./stateStore";

// Two replicas are two stores, each with its own connection, on the demo apiserver (a real HTTPS apiserver).
let demo: DemoCluster;
let admin: ClusterConnection;
const opened: SecretStateStore[] = [];
let counter = 0;

async function emptySecret(): Promise<SecretRef> {
  const ref = { namespace: "default", name: `orrery-state-${++counter}` };
  const response = await admin.request(`/api/v1/namespaces/${ref.namespace}/secrets`, { method: "POST", body: { apiVersion: "v1", kind: "Secret", metadata: { name: ref.name }, type: "Opaque" } });
  expect(response.status, await response.text()).toBe(201);
  return ref;
}

async function replica(ref: SecretRef, options: Parameters<typeof SecretStateStore.open>[2] = {}): Promise<SecretStateStore> {
  const store = await SecretStateStore.open(connectWithKubeconfigYaml(demo.kubeconfig, "demo"), ref, options);
  opened.push(store);
  return store;
}

beforeAll(async () => {
  setLogLevel("fatal");
  demo = await startDemoCluster({ port: 0, nodes: 1, pods: 0 });
  admin = connectWithKubeconfigYaml(demo.kubeconfig, "demo");
});

afterEach(async () => {
  await Promise.all(opened.splice(0).map((store) => store.close()));
});

afterAll(async () => {
  await demo?.stop();
});

describe("SecretStateStore", () => {
  test("a session revoked on one replica is refused by the other within moments", async () => {
    const ref = await emptySecret();
    const [one, two] = [new RevocationList(await replica(ref)), new RevocationList(await replica(ref))];
    one.revoke("session-from-replica-one", Date.now() + 60_000);
    expect(two.isRevoked("session-from-replica-one")).toBe(false);
    await vi.waitFor(() => expect(two.isRevoked("session-from-replica-one")).toBe(true), { timeout: 5_000, interval: 20 });
  });

  test("keeps every revocation when both replicas revoke at the same time", async () => {
    const ref = await emptySecret();
    const [one, two] = [new RevocationList(await replica(ref)), new RevocationList(await replica(ref))];
    const ids = (prefix: string) => Array.from({ length: 20 }, (_, i) => `${prefix}-session-${i}`);
    for (let i = 0; i < 20; i++) {
      one.revoke(ids("one")[i]!, Date.now() + 60_000);
      two.revoke(ids("two")[i]!, Date.now() + 60_000);
    }
    await Promise.all([one.flush(), two.flush()]);
    const everyone = [...ids("one"), ...ids("two")];
    await vi.waitFor(() => expect(everyone.filter((id) => !one.isRevoked(id) || !two.isRevoked(id))).toEqual([]), { timeout: 5_000 });
    const restarted = new RevocationList(await replica(ref));
    expect(everyone.filter((id) => !restarted.isRevoked(id))).toEqual([]);
  });

  test("an embed link made on one replica opens on the other, and stops there once revoked on the first", async () => {
    const ref = await emptySecret();
    const [one, two] = [new EmbedTokens({ store: await replica(ref) }), new EmbedTokens({ store: await replica(ref) })];
    const alice = { name: "alice", groups: ["orrery:admins"] };
    const { token, info } = await one.create(alice, { scope: "/pods?ns=shop" });
    await vi.waitFor(async () => expect((await two.verify(token, "/pods?ns=shop"))?.name).toBe("alice"), { timeout: 5_000 });
    const closedOnTwo: string[] = [];
    two.onRevoked((id) => closedOnTwo.push(id));
    await one.revoke(info.id, alice);
    await vi.waitFor(async () => expect(await two.verify(token, "/pods?ns=shop")).toBeNull(), { timeout: 5_000, interval: 20 });
    expect(closedOnTwo).toEqual([info.id]);
    expect((await two.list())[0]).toMatchObject({ id: info.id, state: "revoked" });
  });

  test("drops what has expired from the Secret on the next write", async () => {
    const ref = await emptySecret();
    let clock = Date.now();
    const list = new RevocationList(await replica(ref), () => clock);
    list.revoke("ends-soon", clock + 1_000);
    await list.flush();
    clock += 2_000;
    list.revoke("ends-later", clock + 60_000);
    await list.flush();
    const stored = (await (await admin.request(secretPath(ref))).json<{ data: Record<string, string> }>()).data["ended-sessions.json"]!;
    expect(Object.keys((JSON.parse(Buffer.from(stored, "base64").toString()) as { revoked: object }).revoked)).toEqual(["ends-later"]);
  });

  test("refuses to grow the Secret past its limit, saying why", async () => {
    const ref = await emptySecret();
    const store = await replica(ref, { maxBytes: 2_000 });
    const list = new RevocationList(store);
    const document = store.document({ name: "big.json", empty: () => "", parse: (text) => text, serialize: (text) => text, merge: (_, incoming) => incoming });
    await expect(document.update(() => "x".repeat(3_000))).rejects.toThrow(StateTooLargeError);
    await expect(document.update(() => "x".repeat(3_000))).rejects.toThrow(/over its limit of 2000: too many ended sessions or embed tokens/);
    list.revoke("still-fits", Date.now() + 60_000);
    await list.flush();
    expect((await (await admin.request(secretPath(ref))).json<{ data?: Record<string, string> }>()).data?.["ended-sessions.json"]).toBeDefined();
  });

  test("stops with one clear line when the Secret does not exist", async () => {
    const missing = { namespace: "default", name: "no-such-state" };
    await expect(replica(missing)).rejects.toThrow(StateSecretError);
    await expect(replica(missing)).rejects.toThrow(/state Secret default\/no-such-state \(--state-secret\) does not exist; create it empty/);
  });

  test("watches on from the Secret as it is now when its watch comes back too late (410 Gone)", async () => {
    const ref = await emptySecret();
    const connection = connectWithKubeconfigYaml(demo.kubeconfig, "demo");
    const paths: string[] = [];
    const recording: ClusterConnection = { ...connection, request: (path, init) => (paths.push(path), connection.request(path, init)) };
    const store = await SecretStateStore.open(recording, ref, { watch: { backoff: { baseMs: 10, capMs: 50 }, timeoutSeconds: 1, stallMs: 5_000 } });
    opened.push(store);
    const list = new RevocationList(store);
    await emptySecret(); // moves the resourceVersion past the one the watch holds
    demo.store.compact();
    await vi.waitFor(() => expect(paths.filter((path) => path.includes("watch=1") && !path.includes("resourceVersion="))).not.toEqual([]), { timeout: 5_000 });
    const other = new RevocationList(await replica(ref));
    other.revoke("after-compaction", Date.now() + 60_000);
    await vi.waitFor(() => expect(list.isRevoked("after-compaction")).toBe(true), { timeout: 5_000 });
    expect(paths.filter((path) => path.includes("watch=1")).length).toBeLessThan(20);
  });
});
