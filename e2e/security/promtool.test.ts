import { spawnSync } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { basicAuth, encodeWriteRequest, remoteWrite } from "./harness/prom";
import { suite, user } from "./harness/suiteContext";

// Debian's promtool (package prometheus) queries Orrery as it would query a Prometheus server, with login.
const installLine = "promtool is missing; install it with: apt-get install -y prometheus";
const hasPromtool = spawnSync("promtool", ["--version"], { stdio: "ignore" }).status === 0;
const onCi = process.env.CI === "true";
// Debian 12's promtool (2.42) has no --http.config.file; it sends the URL's user and password as HTTP Basic instead.
const queryHelp = hasPromtool ? spawnSync("promtool", ["query", "--help"], { encoding: "utf8" }) : undefined;
const hasHttpConfigFlag = `${queryHelp?.stdout}${queryHelp?.stderr}`.includes("http.config.file");

function promtool(args: string[]): { code: number | null; out: string } {
  const run = spawnSync("promtool", args, { encoding: "utf8", timeout: 30_000 });
  return { code: run.status, out: `${run.stdout}${run.stderr}` };
}

const now = Math.floor(Date.now() / 1000);
let httpConfig: string;

describe.runIf(hasPromtool)("promtool against /api/prom", () => {
  beforeAll(async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "orrery-promtool-"));
    httpConfig = path.join(dir, "http.yml");
    await writeFile(httpConfig, `basic_auth:\n  username: alice\n  password: ${JSON.stringify(user("alice").password)}\n`, { mode: 0o600 });
    const samples = [90, 60, 30, 0].map((ago, i) => ({ timestamp: (now - ago) * 1000, value: 10 + i }));
    const body = encodeWriteRequest({ timeseries: [{ labels: [{ name: "__name__", value: "promtool_probe" }, { name: "namespace", value: "shop" }], samples }] });
    const response = await remoteWrite(body, { authorization: basicAuth("alice") });
    if (response.status !== 204) throw new Error(`remote write failed: ${response.status} ${await response.text()}`);
  });

  const server = () => `${suite().baseUrl}/api/prom`;
  // `promtool query <kind> <flags> <server> <expr>` logged in as alice, whichever way this promtool supports.
  const queryAsAlice = (kind: "instant" | "range", flags: string[], expr: string) => {
    if (hasHttpConfigFlag) return promtool(["query", `--http.config.file=${httpConfig}`, kind, ...flags, server(), expr]);
    const url = new URL(server());
    url.username = "alice";
    url.password = user("alice").password;
    return promtool(["query", kind, ...flags, url.toString(), expr]);
  };

  test("promtool query instant reads a pushed series", () => {
    const { code, out } = queryAsAlice("instant", [`--time=${now}`], "promtool_probe * 2");
    expect(out).toMatch(/\{namespace="shop"\} => 26 @\[/);
    expect(code).toBe(0);
  });

  test("promtool query range reads every step", () => {
    const { code, out } = queryAsAlice("range", [`--start=${now - 90}`, `--end=${now}`, "--step=30s"], "promtool_probe");
    expect(code).toBe(0);
    expect(out).toContain('promtool_probe{namespace="shop"} =>');
    for (const value of ["10", "11", "12", "13"]) expect(out).toMatch(new RegExp(`^${value} @\\[`, "m"));
  });

  test("promtool without credentials is refused", () => {
    const { code, out } = promtool(["query", "instant", server(), "promtool_probe"]);
    expect(code).not.toBe(0);
    expect(out).toMatch(/401|unauthenticated|login required/i);
  });

  test("promtool sees Prometheus's error for malformed PromQL", () => {
    const { code, out } = queryAsAlice("instant", [], "sum(");
    expect(code).not.toBe(0);
    expect(out).toMatch(/bad_data: invalid parameter "query": 1:5: parse error/);
  });
});

describe.runIf(!hasPromtool)("promtool against /api/prom", () => {
  test.runIf(onCi)(installLine, () => {
    throw new Error(installLine);
  });
  test.skipIf(onCi)(installLine, () => undefined);
});
