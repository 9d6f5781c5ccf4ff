import http from "node:http";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { freePort } from "./harness/freePort";
import { runOrreryToExit, startOrrery, type OrreryProcess } from "./harness/orreryProcess";
import { noteOutcome, suite, user } from "./harness/suiteContext";

// Its own Orrery, so the locks these attacks leave never reach the shared one. It trusts one proxy,
// 127.0.0.2; every other loopback address (Linux routes all of 127.0.0.0/8) is a client of its own.
const proxy = "127.0.0.2";
const attacker = "127.0.0.10";
const spoofed = "127.0.0.20";
const elsewhere = "127.0.0.30";
const absentPod = "/api/resources/pods/shop/absent";

let orrery: OrreryProcess;
let port: number;
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "orrery-forwarded-"));
  port = await freePort();
  orrery = await startOrrery([
    "--demo", "--host", "127.0.0.1", "--port", String(port), "--auth", "basic", "--users-file", suite().usersFile,
    "--data-dir", dataDir, "--trusted-proxies", `${proxy}/32`,
  ]);
});

afterAll(async () => {
  await orrery?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

interface Answer {
  status: number;
  setCookies: string[];
  body: string;
}

/** One HTTP request to the test's Orrery from the given local address. */
function requestFrom(localAddress: string, target: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers = { ...init.headers, ...(init.body !== undefined ? { "content-length": String(Buffer.byteLength(init.body)) } : {}) };
    const req = http.request({ host: "127.0.0.1", port, localAddress, path: target, method: init.method ?? "GET", headers, agent: false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, setCookies: res.headers["set-cookie"] ?? [], body }));
    });
    req.on("error", reject);
    req.end(init.body);
  });
}

function basic(name: string, password: string): string {
  return `Basic ${Buffer.from(`${name}:${password}`).toString("base64")}`;
}

/** HTTP Basic on an API route: 404 (the pod is absent) once signed in, 401 when refused. */
async function basicStatus(from: string, name: string, password: string, headers: Record<string, string> = {}): Promise<number> {
  return (await requestFrom(from, absentPod, { headers: { authorization: basic(name, password), ...headers } })).status;
}

/** The login page's form post from `from`; true when it set a session cookie. */
async function formLogin(from: string, name: string, password: string): Promise<boolean> {
  const csrf = await requestFrom(from, "/api/auth/csrf");
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const cookie = csrf.setCookies.map((line) => line.split(";")[0]).join("; ");
  const body = new URLSearchParams({ username: name, password, csrfToken, json: "true" }).toString();
  const answer = await requestFrom(from, "/api/auth/callback/credentials", {
    method: "POST",
    headers: { cookie, "content-type": "application/x-www-form-urlencoded", origin: `http://127.0.0.1:${port}` },
    body,
  });
  return answer.setCookies.some((line) => line.includes("orrery.session=") && !line.startsWith("orrery.session=;"));
}

describe("X-Forwarded-For and the login limits", () => {
  test("a forged X-Forwarded-For from an untrusted peer changes nothing: the attacker is locked, not the address it names", async ({ task }) => {
    const alice = user("alice");
    const forged = { "x-forwarded-for": spoofed, "x-orrery-remote-address": spoofed };
    for (let i = 0; i < 5; i++) expect(await basicStatus(attacker, "alice", `guess-${i}`, forged)).toBe(401);
    const attackerNow = await basicStatus(attacker, "alice", alice.password, forged);
    const spoofedNow = await basicStatus(spoofed, "alice", alice.password);
    const victimForm = await formLogin(elsewhere, "alice", alice.password);
    noteOutcome(task, `attacker with the right password ${attackerNow}, the named address ${spoofedNow}, alice from elsewhere ${victimForm ? "signed in" : "REFUSED"}`);
    expect(attackerNow).toBe(401);
    expect(spoofedNow).toBe(404);
    expect(victimForm).toBe(true);
  });

  test("behind a trusted proxy a guesser locks only the client the proxy names, not everyone behind it", async ({ task }) => {
    const dev = user("dev");
    // The guesser writes its own X-Forwarded-For ("6.6.6.6"); the proxy appends the address it saw.
    for (let i = 0; i < 5; i++) expect(await basicStatus(proxy, "dev", `guess-${i}`, { "x-forwarded-for": "6.6.6.6, 198.51.100.7" })).toBe(401);
    const guesserNow = await basicStatus(proxy, "dev", dev.password, { "x-forwarded-for": "198.51.100.7" });
    const neighbourNow = await basicStatus(proxy, "dev", dev.password, { "x-forwarded-for": "198.51.100.8" });
    const namedLeftNow = await basicStatus(proxy, "dev", dev.password, { "x-forwarded-for": "198.51.100.7, 198.51.100.9" });
    const proxyItself = await basicStatus(proxy, "dev", dev.password);
    noteOutcome(task, `guesser ${guesserNow}, another client behind the proxy ${neighbourNow}, guesser's address written on the left ${namedLeftNow}, the proxy without a header ${proxyItself}`);
    expect(guesserNow).toBe(401);
    expect(neighbourNow).toBe(404);
    expect(namedLeftNow).toBe(404);
    expect(proxyItself).toBe(404);
  });

  test("a trusted proxy that is not a CIDR stops start-up with one line", async ({ task }) => {
    const { code, stderr } = await runOrreryToExit(["--demo", "--trusted-proxies", "10.0.0.0/8,ingress.internal", "--data-dir", dataDir]);
    noteOutcome(task, `exit ${code}: ${stderr.trim()}`);
    expect(code).toBe(2);
    expect(stderr.trimEnd().split("\n")).toEqual([expect.stringMatching(/^orrery: invalid --trusted-proxies="10\.0\.0\.0\/8,ingress\.internal": expected comma-separated CIDRs/)]);
  });
});
