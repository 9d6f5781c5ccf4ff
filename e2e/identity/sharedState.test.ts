import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { RevocationList } from "@/server/auth/revocationList";
import { onSessionEnded, SessionRegistry } from "@/server/auth/sessions";
import { EmbedTokens } from "@/server/embed/embedTokens";
import { connectFromKubeconfig, type ClusterConnection } from "@/server/kube/connect";
import { setLogLevel } from "@/server/log";
import { secretPath, secretWatchPath } from "@/server/state/secretRef";
import { SecretStateStore } from "@/server/state/secretStateStore";
import { detectRealCluster } from "../contract/targets/realCluster";

// Two Orrery replicas sharing --state-secret orrery/orrery-state on the real control plane, each with its own
// connection as `orrery` (e2e/cluster/manifests/identities.yaml gives it the Role orrery-state, as deployed).
const cluster = detectRealCluster();
const state = { namespace: "orrery", name: "orrery-state" };
const stranger = { namespace: "orrery", name: "not-orrery-state" };

let admin: ClusterConnection;
const stores: SecretStateStore[] = [];

async function openReplica(): Promise<SecretStateStore> {
  const store = await SecretStateStore.open(connectFromKubeconfig({ path: cluster.env.ORRERY_CLUSTER_KUBECONFIG_ORRERY }), state);
  stores.push(store);
  return store;
}

async function status(connection: ClusterConnection, path: string): Promise<number> {
  const response = await connection.request(path, { signal: AbortSignal.timeout(10_000) });
  response.body.destroy();
  return response.status;
}

// Starts each run from an empty Secret, as a fresh install has.
async function emptyStateSecret(): Promise<void> {
  const current = await (await admin.request(secretPath(state))).json<Record<string, unknown>>();
  const response = await admin.request(secretPath(state), { method: "PUT", body: { ...current, data: {} } });
  expect(response.status, await response.text()).toBe(200);
}

describe.skipIf(!cluster.running)(`state shared by replicas on the real control plane (${cluster.reason})`, () => {
  beforeAll(async () => {
    setLogLevel("warn");
    admin = connectFromKubeconfig({ path: cluster.env.ORRERY_CLUSTER_KUBECONFIG_ADMIN });
    await emptyStateSecret();
    const created = await admin.request(`/api/v1/namespaces/${stranger.namespace}/secrets`, { method: "POST", body: { apiVersion: "v1", kind: "Secret", metadata: { name: stranger.name }, stringData: { password: "not for orrery" } } });
    expect([201, 409], await created.text()).toContain(created.status);
  });

  afterAll(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()));
  });

  test("Orrery's identity reads, replaces and watches its state Secret, and no other Secret", async () => {
    const orrery = connectFromKubeconfig({ path: cluster.env.ORRERY_CLUSTER_KUBECONFIG_ORRERY });
    expect(await status(orrery, secretPath(state))).toBe(200);
    // A watch pinned by fieldSelector=metadata.name is authorized against the Role's resourceNames.
    expect(await status(orrery, secretWatchPath(state, "", 1))).toBe(200);
    expect(await status(orrery, secretPath(stranger))).toBe(403);
    expect(await status(orrery, secretWatchPath(stranger, "", 1))).toBe(403);
    expect(await status(orrery, `/api/v1/namespaces/${state.namespace}/secrets`)).toBe(403);
    expect(await status(orrery, "/api/v1/secrets")).toBe(403);
  });

  test("a session revoked on one replica is refused by the other within 5 s, and its sockets there close", async () => {
    const one = new RevocationList(await openReplica());
    const two = new SessionRegistry(new RevocationList(await openReplica()));
    const endedOnTwo: string[] = [];
    const stop = onSessionEnded((sessionId) => endedOnTwo.push(sessionId));
    try {
      const started = Date.now();
      one.revoke("real-cluster-session-1", Date.now() + 600_000);
      await vi.waitFor(() => expect(two.isRevoked("real-cluster-session-1")).toBe(true), { timeout: 5_000, interval: 10 });
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(endedOnTwo).toContain("real-cluster-session-1");
    } finally {
      stop();
    }
  });

  test("keeps every revocation when both replicas revoke at the same time", async () => {
    const replicas = [new RevocationList(await openReplica()), new RevocationList(await openReplica())];
    const ids = replicas.map((_, replica) => Array.from({ length: 25 }, (_, i) => `concurrent-${replica}-${i}`));
    await Promise.all(replicas.map(async (list, replica) => {
      for (const id of ids[replica]!) {
        list.revoke(id, Date.now() + 600_000);
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 20));
      }
      await list.flush();
    }));
    const everyone = ids.flat();
    await vi.waitFor(() => expect(replicas.map((list) => everyone.filter((id) => !list.isRevoked(id)))).toEqual([[], []]), { timeout: 5_000 });
    const stored = await (await admin.request(secretPath(state))).json<{ data: Record<string, string> }>();
    const revoked = (JSON.parse(Buffer.from(stored.data["ended-sessions.json"]!, "base64").toString()) as { revoked: Record<string, number> }).revoked;
    expect(everyone.filter((id) => revoked[id] === undefined)).toEqual([]);
  });

  test("an embed link made on one replica opens on the other and is refused there within 5 s of its revocation", async () => {
    const [one, two] = [new EmbedTokens({ store: await openReplica() }), new EmbedTokens({ store: await openReplica() })];
    const alice = { name: "alice", groups: [] };
    const { token, info } = await one.create(alice, { scope: "/pods?ns=team-a" });
    await vi.waitFor(async () => expect((await two.verify(token, "/pods?ns=team-a"))?.name).toBe("alice"), { timeout: 5_000 });
    const started = Date.now();
    await one.revoke(info.id, alice);
    await vi.waitFor(async () => expect(await two.verify(token, "/pods?ns=team-a")).toBeNull(), { timeout: 5_000, interval: 10 });
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
