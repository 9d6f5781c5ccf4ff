import { expect } from "vitest";
import { call, corePath, expectStatus } from "../http";
import { eventually, sleep } from "../poll";
import type { ContractTarget, Expectation } from "../target";
import { sharedPods, uniqueName } from "../workloads";

const timestamped = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?Z) (.*)$/;

async function readLog(target: ContractTarget, pod: string, query: Record<string, string>): Promise<{ status: number; contentType: string; lines: string[] }> {
  const res = await target.connection.request(`${corePath(target.namespace, "pods", pod, "log")}?${new URLSearchParams({ container: "app", ...query })}`);
  const text = await res.text();
  if (res.status !== 200) throw new Error(`pods/log of ${pod} answered ${res.status}: ${text.slice(0, 300)}`);
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  return { status: res.status, contentType: String(res.headers["content-type"] ?? ""), lines };
}

/** A pod whose log already has a few lines (the demo's grow with time; kwok's come from a file). */
async function podWithLog(target: ContractTarget, minLines: number): Promise<string> {
  const pod = (await sharedPods(target))[0]!.metadata.name;
  await eventually(`at least ${minLines} log lines from ${pod}`, async () => {
    const { lines } = await readLog(target, pod, {});
    return { value: lines.length >= minLines ? lines : undefined, seen: `${lines.length} lines` };
  }, { timeoutMs: 30_000, intervalMs: 1000 });
  return pod;
}

/** True when `part` occurs in `whole` as consecutive lines. */
function containsRun(whole: readonly string[], part: readonly string[]): boolean {
  for (let start = 0; start + part.length <= whole.length; start++) if (part.every((line, i) => whole[start + i] === line)) return true;
  return false;
}

async function tailLines(target: ContractTarget): Promise<void> {
  const pod = await podWithLog(target, 3);
  const tail = await readLog(target, pod, { tailLines: "2" });
  expect(tail.contentType).toMatch(/^text\/plain/);
  const full = await readLog(target, pod, {});
  expect(tail.lines).toHaveLength(2);
  expect(full.lines.length).toBeGreaterThan(2);
  expect(containsRun(full.lines, tail.lines), `the 2 tail lines ${JSON.stringify(tail.lines)} are consecutive lines of the full log`).toBe(true);
  expect((await readLog(target, pod, { tailLines: "1" })).lines).toHaveLength(1);
  const missing = uniqueName("no-pod");
  const answer = await call(target, `${corePath(target.namespace, "pods", missing, "log")}?tailLines=1`);
  expectStatus(answer, 404, "NotFound", `pods "${missing}" not found`);
}

async function timestamps(target: ContractTarget): Promise<void> {
  const pod = await podWithLog(target, 3);
  // Two lines: a kubelet counts tailLines in CRI file lines, so a third could be the second half of a split line.
  const stamped = await readLog(target, pod, { timestamps: "true", tailLines: "2" });
  expect(stamped.lines).toHaveLength(2);
  const parsed = stamped.lines.map((line) => timestamped.exec(line));
  expect(parsed.every(Boolean), `every line starts with an RFC 3339 UTC time and a space: ${JSON.stringify(stamped.lines)}`).toBe(true);
  const times = parsed.map((m) => Date.parse(m![1]!));
  expect([...times].sort((a, b) => a - b)).toEqual(times);
  const full = await readLog(target, pod, {});
  expect(containsRun(full.lines, parsed.map((m) => m![2]!)), "the text after the time is the log line itself").toBe(true);
}

async function follow(target: ContractTarget): Promise<void> {
  const pod = await podWithLog(target, 2);
  const abort = new AbortController();
  const res = await target.connection.request(`${corePath(target.namespace, "pods", pod, "log")}?container=app&follow=true&tailLines=1`, { signal: abort.signal });
  try {
    expect(res.status).toBe(200);
    expect(String(res.headers["content-type"])).toMatch(/^text\/plain/);
    let received = "";
    let ended = false;
    res.body.setEncoding("utf8");
    res.body.on("data", (chunk: string) => (received += chunk));
    res.body.on("end", () => (ended = true));
    res.body.on("error", () => (ended = true));
    await eventually("the tail line of a followed log", async () => ({ value: received.includes("\n") ? received : undefined, seen: JSON.stringify(received) }), { timeoutMs: 10_000, intervalMs: 100 });
    // Following a running container keeps the response open.
    await sleep(2_000);
    expect(ended, "a followed log of a running container is still open after 2 s").toBe(false);
    expect(received.length).toBeGreaterThan(0);
  } finally {
    abort.abort();
  }
}

export const logExpectations: Expectation[] = [
  { id: "logs.tailLines", title: "pods/log answers text/plain and tailLines gives exactly the last lines; a missing pod is 404", run: tailLines, timeoutMs: 90_000 },
  { id: "logs.timestamps", title: "pods/log timestamps=true prefixes each line with its RFC 3339 time", run: timestamps, timeoutMs: 90_000 },
  { id: "logs.follow", title: "pods/log follow=true streams and stays open while the container runs", run: follow, timeoutMs: 90_000 },
];
