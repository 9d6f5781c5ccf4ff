import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { describe, expect, test } from "vitest";
import { kubectlBinary } from "./kubectlRunner";
import { live } from "./pods";
import { pollUntil } from "./poll";
import { deployment, list } from "./scenario/manifests";
import { suiteFor, type Suite } from "./scenario/suite";
import { conforms } from "./target/differences";

// kubectl logs (--tail, -f, --previous, -c) and exec (exit code, stdin, streams, -it through a real pty) on pods
// this file creates: web (one container), duo (app + sidecar) and crashy (crash-looping, see the target's fixture).

async function createPods({ t, ns }: Suite): Promise<void> {
  await t.k.apply(list(
    deployment("web", 1, { namespace: ns, containers: [{ name: "web", image: t.web.image }] }),
    deployment("duo", 1, { namespace: ns, containers: [{ name: "app", image: t.web.image }, { name: "sidecar", image: t.sidecar.image }] }),
    deployment("crashy", 1, { namespace: ns, containers: [{ name: "api", image: t.crashImage }], annotations: t.crashLoopAnnotations }),
  ));
  await t.k.waitForDeployment("web", ns, 1);
  await t.k.waitForDeployment("duo", ns, 1);
  const [crashy] = await t.k.waitForPods("a crashy pod on a node", ns, "app=crashy", (pods) => live(pods).some((p) => p.node !== ""));
  await t.crashLoop(ns, crashy!.name);
}

const suite = suiteFor("logs", createPods);

/** The pod of a one-replica Deployment. */
async function podOf(app: string): Promise<string> {
  const { t, ns } = suite();
  return live(await t.k.pods(ns, `app=${app}`))[0]!.name;
}

const lines = (text: string) => text.replace(/\n$/, "").split("\n");

interface Session {
  code: number;
  stdout: string;
  stderr: string;
  killed: boolean;
}

/** Runs a command until `until` holds for its stdout (or the timeout), then kills it; `input` may type into it. */
function runUntil(command: string, args: string[], until: (out: string) => boolean, timeoutMs: number, input?: (out: string, write: (s: string) => void) => void): Promise<Session> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ["pipe", "pipe", "pipe"], env: { ...process.env, TERM: "xterm", KUBECONFIG: "" } });
    let stdout = "";
    let stderr = "";
    let killed = false;
    const stop = () => {
      killed = true;
      child.kill("SIGKILL");
    };
    const timer = setTimeout(stop, timeoutMs);
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      input?.(stdout, (s) => child.stdin.write(s));
      if (until(stdout)) stop();
    });
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr, killed });
    });
  });
}

describe("kubectl logs", () => {
  test("--tail prints the last lines of the container's log", async () => {
    const { t, ns } = suite();
    const pod = await podOf("web");
    // A container that has just started (the demo's) may not have written five lines yet.
    const full = await pollUntil("at least 5 log lines", async () => {
      const logged = lines(await t.k.ok(["logs", pod, "-n", ns]));
      return { value: logged.length >= 5 ? logged : undefined, seen: logged.join("\n") };
    }, { timeoutMs: 30_000, intervalMs: 1_000 });
    for (const line of full) expect(line).toMatch(t.web.logLine);
    // Two lines: a kubelet counts tailLines in CRI file lines, so a third could be half of a split line.
    const tail = await t.k.run(["logs", pod, "-n", ns, "--tail=2"]);
    expect(tail.stderr).toBe("");
    const last2 = lines(tail.stdout);
    expect(last2).toHaveLength(2);
    // Lines written between the two reads only move the window forward.
    expect(full.join("\n")).toContain(last2[0]!);
    expect(lines(await t.k.ok(["logs", pod, "-n", ns, "--tail=1"]))).toHaveLength(1);
  });

  test("-f keeps streaming and shows a line written after it started", async () => {
    const { t, ns } = suite();
    const pod = await podOf("web");
    const started = Date.now();
    const follow = t.k.watch(["logs", "-f", "--tail=1", "--timestamps", pod, "-n", ns]);
    try {
      await follow.waitFor("the tail line", (out) => out.includes("\n"), 15_000);
      const written = await t.writeLogLine(ns, pod);
      const stamps = () => lines(follow.output()).map((line) => Date.parse(line.split(" ")[0]!));
      const expected = written ? `the written line "${written}"` : "a line stamped after -f started";
      const output = await follow.waitFor(expected, (out) => (written ? out.includes(written) : stamps().some((s) => s >= started)), 20_000);
      expect(stamps().every((stamp, i, all) => Number.isFinite(stamp) && (i === 0 || stamp >= all[i - 1]!)), output).toBe(true);
      for (const line of lines(output)) expect(line.slice(line.indexOf(" ") + 1)).toMatch(t.web.logLine);
    } finally {
      follow.stop();
    }
  });

  test("--previous shows the crashed run, ending in its crash; a container that never restarted has none", async () => {
    const { t, ns } = suite();
    const crashy = await podOf("crashy");
    const previous = await t.k.run(["logs", crashy, "-n", ns, "--previous"]);
    expect(previous.code, previous.stderr).toBe(0);
    expect(lines(previous.stdout).at(-1)).toMatch(t.previousLastLine);
    const duo = await podOf("duo");
    const never = await t.k.run(["logs", duo, "-n", ns, "-c", "app", "--previous"]);
    if (t.servesPreviousOfEveryContainer) expect(lines(never.stdout).at(-1)).toMatch(t.previousLastLine);
    else expect(never.stderr).toContain(`previous terminated container "app" in pod "${duo}" not found`);
  });

  test("-c picks the container; an unknown container is refused", async () => {
    const { t, ns } = suite();
    const duo = await podOf("duo");
    const sidecar = await t.k.run(["logs", duo, "-n", ns, "-c", "sidecar", "--tail=4"]);
    expect(sidecar.code, sidecar.stderr).toBe(0);
    expect(lines(sidecar.stdout).length).toBeGreaterThan(0);
    for (const line of lines(sidecar.stdout)) expect(line).toMatch(t.sidecar.logLine);
    const nope = await t.k.run(["logs", duo, "-n", ns, "-c", "nope"]);
    expect(nope.code).not.toBe(0);
    expect(nope.stderr).toContain(`container nope is not valid for pod ${duo}`);
    const ambiguous = await t.k.run(["logs", duo, "-n", ns, "--tail=1"]);
    expect(ambiguous.stderr).toContain("Defaulted container \"app\" out of: app, sidecar");
  });
});

describe("kubectl exec", () => {
  test("runs a command and exits 0", async () => {
    const { t, ns } = suite();
    const result = await t.k.run(["exec", await podOf("web"), "-n", ns, "--", "ls", "/"]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.split("\n")).toEqual(expect.arrayContaining(["bin", "etc", "proc", "usr", "var"]));
  });

  test("keeps stdout and stderr apart and feeds stdin with -i", async () => {
    const { t, ns } = suite();
    const pod = await podOf("web");
    const streams = await t.k.run(["exec", pod, "-n", ns, "--", "sh", "-c", "echo out; echo err >&2"]);
    expect([streams.code, streams.stdout, streams.stderr]).toEqual([0, "out\n", "err\n"]);
    // head reads one line and exits, whether or not the end of stdin reaches the command.
    const echoed = await t.k.run(["exec", "-i", pod, "-n", ns, "--", "head", "-n", "1"], { stdin: "hello from stdin\nsecond line\n" });
    expect([echoed.code, echoed.stdout]).toEqual([0, "hello from stdin\n"]);
  });

  test("the end of stdin reaches the command: cat ends", async () => {
    const { t, ns } = suite();
    const pod = await podOf("web");
    const marker = `kc-eof-${randomBytes(4).toString("hex")}`;
    try {
      await conforms(t, "exec.stdinEof", async () => {
        const echoed = await t.k.run(["exec", "-i", pod, "-n", ns, "--", "sh", "-c", `cat; true ${marker}`], { stdin: "hello from stdin\n", timeoutMs: 10_000 });
        expect([echoed.code, echoed.stdout]).toEqual([0, "hello from stdin\n"]);
      });
    } finally {
      t.reapExec(marker);
    }
  });

  test("a failing command fails kubectl exec (exit code as the target reports it)", async () => {
    const { t, ns } = suite();
    const result = await t.k.run(["exec", await podOf("web"), "-n", ns, "--", "sh", "-c", "exit 3"]);
    const expected = t.execExit(3);
    expect(result.code).toBe(expected.code);
    expect(result.stderr).toContain(expected.stderr);
  });

  test("-it gives an interactive shell on a terminal", async () => {
    const { t, ns } = suite();
    const command = [kubectlBinary(), ...t.k.baseArgs(), "exec", "-it", await podOf("web"), "-n", ns, "--", "sh"].join(" ");
    let typed = 0;
    const session = await runUntil("script", ["-qec", command, "/dev/null"], () => false, 20_000, (out, write) => {
      if (typed === 0 && t.shellPrompt.test(out)) {
        typed = 1;
        write("echo hi\r");
      } else if (typed === 1 && /\r?\nhi\r?\n/.test(out)) {
        typed = 2;
        write("exit\r");
      }
    });
    expect(session.killed, session.stdout + session.stderr).toBe(false);
    expect(session.code).toBe(0);
    expect(session.stdout).toMatch(/echo hi\r?\nhi\r?\n/);
  });
});
