import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { freePortSync } from "../cluster-suite/freePort";
import { startOrrery, type OrreryServer } from "../cluster-suite/orrery";
import { detectRealCluster } from "../contract/targets/realCluster";

// Two real Orrery servers (the production build) on the real control plane, sharing --state-secret orrery/orrery-state
// as two replicas of deploy/kubernetes/orrery.yaml do: an embed link revoked on one stops opening on the other.
const cluster = detectRealCluster();
const built = existsSync(path.resolve(__dirname, "../../dist/server.js"));
const skipReason = !cluster.running ? cluster.reason : !built ? "no production build (npm run build) to start two servers from" : cluster.reason;
const password = randomBytes(12).toString("hex");
const scope = "/pods?ns=team-a";

let usersDir: string;
const servers: OrreryServer[] = [];

function asAlice(server: OrreryServer): Record<string, string> {
  return { Authorization: `Basic ${Buffer.from(`alice:${password}`).toString("base64")}`, Origin: server.baseUrl, "x-orrery-csrf": "1", "Content-Type": "application/json" };
}

async function pageText(server: OrreryServer, token: string): Promise<string> {
  return (await fetch(`${server.baseUrl}${scope}&embed=${encodeURIComponent(token)}`, { signal: AbortSignal.timeout(30_000) })).text();
}

describe.skipIf(!cluster.running || !built)(`two Orrery servers sharing the state Secret (${skipReason})`, () => {
  beforeAll(async () => {
    usersDir = mkdtempSync(path.join(tmpdir(), "orrery-state-users-"));
    const usersFile = path.join(usersDir, "users.yaml");
    writeFileSync(usersFile, ["users:", "  - name: alice", `    hash: "${bcrypt.hashSync(password, 8)}"`, "    groups: [orrery:admins]", ""].join("\n"), { mode: 0o600 });
    const flags = ["--auth", "basic", "--users-file", usersFile, "--embed-admin-group", "orrery:admins", "--state-secret", "orrery/orrery-state", "--session-secret", randomBytes(24).toString("hex")];
    const kubeconfig = cluster.env.ORRERY_CLUSTER_KUBECONFIG_ORRERY!;
    const [one, two] = await Promise.all([startOrrery(Number(freePortSync()), kubeconfig, flags), startOrrery(Number(freePortSync()), kubeconfig, flags)]);
    servers.push(one, two);
  }, 300_000);

  afterAll(async () => {
    await Promise.all(servers.splice(0).map((server) => server.stop()));
    if (usersDir) rmSync(usersDir, { recursive: true, force: true });
  });

  test("an embed link made on one server opens on the other, and is refused there within 5 s of its revocation on the first", async () => {
    const [one, two] = servers as [OrreryServer, OrreryServer];
    const created = await fetch(`${one.baseUrl}/api/embed`, { method: "POST", headers: asAlice(one), body: JSON.stringify({ scope }) });
    expect(created.status, await created.clone().text()).toBe(201);
    const { token, info } = (await created.json()) as { token: string; info: { id: string } };
    await vi.waitFor(async () => expect(await pageText(two, token)).toContain("Filter by name"), { timeout: 10_000, interval: 200 });

    const revoked = await fetch(`${one.baseUrl}/api/embed/${info.id}`, { method: "DELETE", headers: asAlice(one) });
    expect(revoked.status, await revoked.clone().text()).toBe(200);
    const started = Date.now();
    await vi.waitFor(async () => expect(await pageText(two, token)).toContain("You are not signed in"), { timeout: 5_000, interval: 100 });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await pageText(two, token)).not.toContain("Filter by name");
  });
});
