import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { newSessionClaims } from "@/server/auth/sessionClaims";
import { secretFileName } from "@/server/auth/sessionSecret";
import { basicSettings, sessionCookieFor } from "@/server/auth/testing/fixtures";
import { startOidcProvider, type OidcProviderProcess } from "../auth/servers";
import { freePort } from "./harness/freePort";
import { api, closeOf, login, openSocket } from "./harness/http";
import { kubectl } from "./harness/kubectl";
import { signInThroughProvider } from "./harness/oidcCodeFlow";
import { runOrreryToExit, startOrrery, type OrreryProcess } from "./harness/orreryProcess";
import { noteOutcome, suite } from "./harness/suiteContext";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "orrery-identity-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function usersFileWith(name: string, groups: string[]): Promise<string> {
  const file = path.join(dir, `users-${name.replace(/\W/g, "_")}-${groups.length}.json`);
  await writeFile(file, JSON.stringify({ users: [{ name, hash: bcrypt.hashSync("a-long-password", 4), groups }] }), { mode: 0o600 });
  return file;
}

// A refused start costs one line on stderr and exit code 2, before anything listens.
async function expectRefusedStart(args: string[], env: Record<string, string>, pattern: RegExp): Promise<string> {
  const { code, stderr } = await runOrreryToExit(["--demo", "--host", "127.0.0.1", "--port", String(await freePort()), "--data-dir", path.join(dir, "data"), ...args], env);
  expect(code).toBe(2);
  expect(stderr.trimEnd().split("\n")).toEqual([expect.stringMatching(pattern)]);
  return stderr.trim();
}

describe("logins that would make Orrery act as a system: identity", () => {
  test("a users file giving a user the group system:masters stops Orrery at start", async ({ task }) => {
    const file = await usersFileWith("eve", ["team-a", "system:masters"]);
    noteOutcome(task, await expectRefusedStart(["--auth", "basic", "--users-file", file], {}, /^orrery: .*users\[0\]: Orrery does not act as the Kubernetes group "system:masters"/));
  });

  test("a users file naming a system: user stops Orrery at start", async ({ task }) => {
    const file = await usersFileWith("system:kube-controller-manager", []);
    noteOutcome(task, await expectRefusedStart(["--auth", "basic", "--users-file", file], {}, /^orrery: .*Kubernetes user "system:kube-controller-manager"/));
  });

  test("Scope's BASIC_AUTH_USERNAME or --basic-auth-groups naming a system: identity stops Orrery at start", async ({ task }) => {
    const scope = { ENABLE_BASIC_AUTH: "true", BASIC_AUTH_PASSWORD: "a-long-password" };
    const byName = await expectRefusedStart([], { ...scope, BASIC_AUTH_USERNAME: "system:admin" }, /^orrery: BASIC_AUTH_USERNAME \/ --basic-auth-groups: .*user "system:admin"/);
    const byGroup = await expectRefusedStart(["--basic-auth-groups", "system:masters"], { ...scope, BASIC_AUTH_USERNAME: "ops" }, /group "system:masters"/);
    noteOutcome(task, `${byName} | ${byGroup}`);
  });

  test("a session that names system:masters, whatever made it, opens no shell (4403) and reads nothing", async ({ task }) => {
    // A session minted with the server's own secret, as a login path without these checks would have made it;
    // the demo cluster lets system:masters do anything, so only Orrery's refusal stands in the way.
    const { dataDir, baseUrl } = suite();
    const settings = basicSettings({ secret: readFileSync(path.join(dataDir, secretFileName), "utf8").trim() });
    const sessionName = (await login("dev")).split("; ").find((pair) => pair.includes("orrery.session"))!.split("=")[0]!;
    const claims = newSessionClaims({ name: "dev", groups: ["system:masters"], method: "basic" }, Date.now(), settings.timeouts);
    const masters = await sessionCookieFor(claims, settings, sessionName);
    const session = (await (await api("/api/auth/session", { cookie: masters })).json()) as { user?: { groups?: string[] } };
    expect(session.user?.groups).toEqual(["system:masters"]);
    const pod = await kubectl(["get", "pods", "-n", "kube-system", "-o", "jsonpath={.items[0].metadata.name}"]);
    const shell = await openSocket(`/api/exec?${new URLSearchParams({ namespace: "kube-system", pod, command: "id" })}`, { origin: baseUrl, cookie: masters });
    if (!shell.opened) throw new Error(`exec answered HTTP ${shell.status}`);
    const { code } = await closeOf(shell.ws);
    const details = await api(`/api/resources/pods/kube-system/${pod}`, { cookie: masters });
    noteOutcome(task, `exec ${code} ${shell.first.slice(0, 140)}; details ${details.status}`);
    expect(code).toBe(4403);
    expect(JSON.parse(shell.first)).toMatchObject({ type: "error", status: 403, message: expect.stringMatching(/^Orrery does not act as the Kubernetes group "system:masters"/) });
    // Access reviews about a refused identity count as denied: the details are the apiserver-style refusal, never the pod.
    expect(details.status).toBe(403);
    expect(await details.json()).toEqual({ error: { code: "forbidden", message: expect.stringContaining("forbidden") } });
  });
});

describe("OIDC ID tokens that try to name someone else", () => {
  let provider: OidcProviderProcess;
  let orrery: OrreryProcess;
  let baseUrl: string;

  beforeAll(async () => {
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    provider = await startOidcProvider({ redirectUri: `${baseUrl}/api/auth/callback/oidc`, postLogoutUri: `${baseUrl}/login?signedOut=1`, accessTtlSeconds: 300 });
    orrery = await startOrrery(
      ["--demo", "--host", "127.0.0.1", "--port", String(port), "--data-dir", path.join(dir, "oidc-data"), "--auth", "oidc", "--public-url", baseUrl, "--oidc-issuer", provider.issuer, "--oidc-client-id", "orrery-e2e"],
      { ORRERY_OIDC_CLIENT_SECRET: "orrery-e2e-client-secret" },
    );
  }, 180_000);

  afterAll(async () => {
    await orrery?.stop();
    await provider?.stop();
  });

  const sessionOf = async (cookies: string) => (await fetch(`${baseUrl}/api/auth/session`, { headers: { cookie: cookies } })).json();

  test("the provider's ordinary user logs in (the flow works)", async ({ task }) => {
    const result = await signInThroughProvider(baseUrl, "alice");
    noteOutcome(task, `${result.finalUrl.pathname}${result.finalUrl.search}`);
    expect(result.finalUrl.pathname).toBe("/pods");
    expect(await sessionOf(result.cookies)).toMatchObject({ user: { name: "alice@example.test", groups: ["orrery:admins", "team-a"] } });
  });

  test("an ID token with groups: [system:masters] logs nobody in", async ({ task }) => {
    const result = await signInThroughProvider(baseUrl, "mallory");
    noteOutcome(task, `${result.finalUrl.pathname}${result.finalUrl.search}`);
    expect(`${result.finalUrl.pathname}${result.finalUrl.search}`).toBe("/login?error=ReservedIdentity");
    expect(result.finalBody).toContain("reserved for the cluster itself");
    expect(result.cookieNames.filter((name) => name.includes("orrery.session"))).toEqual([]);
    expect(await sessionOf(result.cookies)).toEqual({});
  });

  test("an ID token with an unverified email (another person's address) logs nobody in", async ({ task }) => {
    const result = await signInThroughProvider(baseUrl, "unverified");
    noteOutcome(task, `${result.finalUrl.pathname}${result.finalUrl.search}`);
    expect(`${result.finalUrl.pathname}${result.finalUrl.search}`).toBe("/login?error=EmailNotVerified");
    expect(result.finalBody).toContain("has not verified your email address");
    expect(result.cookieNames.filter((name) => name.includes("orrery.session"))).toEqual([]);
    expect(await sessionOf(result.cookies)).toEqual({});
  });
});
