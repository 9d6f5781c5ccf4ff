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

function cookiesOf(response: Response, into = new Map<string, string>()): Map<string, string> {
  for (const line of response.headers.getSetCookie()) {
    const pair = line.split(";")[0]!;
    into.set(pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1));
  }
  return into;
}

const cookieHeader = (jar: Map<string, string>) => [...jar].filter(([, value]) => value !== "").map(([name, value]) => `${name}=${value}`).join("; ");

async function csrfOn(server: OrreryServer, jar: Map<string, string>): Promise<string> {
  const response = await fetch(`${server.baseUrl}/api/auth/csrf`, { headers: { cookie: cookieHeader(jar) } });
  cookiesOf(response, jar);
  return ((await response.json()) as { csrfToken: string }).csrfToken;
}

/** Signs in as alice the way the login page does; answers the cookie jar. */
async function signIn(server: OrreryServer): Promise<Map<string, string>> {
  const jar = new Map<string, string>();
  const csrfToken = await csrfOn(server, jar);
  const response = await fetch(`${server.baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie: cookieHeader(jar), "content-type": "application/x-www-form-urlencoded", origin: server.baseUrl },
    body: new URLSearchParams({ username: "alice", password, csrfToken, json: "true" }).toString(),
  });
  cookiesOf(response, jar);
  expect([...jar.keys()].some((name) => name.includes("orrery.session")), `signed in: ${response.status}`).toBe(true);
  return jar;
}

async function signOut(server: OrreryServer, jar: Map<string, string>): Promise<void> {
  const csrfToken = await csrfOn(server, jar);
  const response = await fetch(`${server.baseUrl}/api/auth/logout`, { method: "POST", headers: { cookie: cookieHeader(jar), "content-type": "application/json", origin: server.baseUrl }, body: JSON.stringify({ csrfToken }) });
  expect(response.status, await response.text()).toBe(200);
}

async function listEmbedsStatus(server: OrreryServer, cookie: string): Promise<number> {
  const response = await fetch(`${server.baseUrl}/api/embed`, { headers: { cookie }, redirect: "manual" });
  await response.arrayBuffer();
  return response.status;
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

  test("a login ended on one server is refused by the other within 5 s", async () => {
    const [one, two] = servers as [OrreryServer, OrreryServer];
    const jar = await signIn(one);
    const cookie = cookieHeader(jar);
    expect(await listEmbedsStatus(two, cookie)).toBe(200);
    await signOut(one, jar);
    const started = Date.now();
    await vi.waitFor(async () => expect(await listEmbedsStatus(two, cookie)).toBe(401), { timeout: 5_000, interval: 100 });
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
