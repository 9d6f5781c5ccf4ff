import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { log } from "../log";
import { audit, auditLogFor, type AuditRecord } from "./audit";

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "orrery-audit-"));
  vi.spyOn(log, "info").mockImplementation(() => undefined);
});

afterEach(async () => {
  await auditLogFor(dataDir).close();
  vi.restoreAllMocks();
  await rm(dataDir, { recursive: true, force: true });
});

async function lines(): Promise<AuditRecord[]> {
  const text = await readFile(path.join(dataDir, "audit.log"), "utf8");
  return text.trimEnd().split("\n").map((line) => JSON.parse(line) as AuditRecord);
}

const bob = { name: "bob", groups: ["team-a", "system:authenticated"] };

describe("audit", () => {
  test("appends one JSON line per entry naming the person, action, target and result", async () => {
    await audit({ person: bob, action: "scale", target: { kind: "deployments", namespace: "shop", name: "web" }, result: "success", detail: "replicas 2 → 5" }, dataDir);
    await audit({ person: bob, action: "exec", target: { kind: "pods", namespace: "shop", name: "web-1" }, result: "denied" }, dataDir);
    const [first, second] = await lines();
    expect(first).toEqual({ time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), person: "bob", groups: ["team-a", "system:authenticated"], action: "scale", target: { kind: "deployments", namespace: "shop", name: "web" }, result: "success", detail: "replicas 2 → 5" });
    expect(second).toMatchObject({ action: "exec", result: "denied" });
    expect(second).not.toHaveProperty("detail");
  });

  test("creates the file readable by its owner only", async () => {
    await audit({ person: bob, action: "delete", target: { kind: "pods", namespace: "shop", name: "x" }, result: "success" }, dataDir);
    expect((await stat(path.join(dataDir, "audit.log"))).mode & 0o777).toBe(0o600);
  });

  test("narrows an existing file's permissions and keeps its lines", async () => {
    await writeFile(path.join(dataDir, "audit.log"), '{"earlier":true}\n', { mode: 0o644 });
    await audit({ person: bob, action: "cordon", target: { kind: "nodes", name: "n1" }, result: "success" }, dataDir);
    const text = await readFile(path.join(dataDir, "audit.log"), "utf8");
    expect(text.split("\n")[0]).toBe('{"earlier":true}');
    expect((await stat(path.join(dataDir, "audit.log"))).mode & 0o777).toBe(0o600);
  });

  test("keeps a name with newlines and escape sequences on one line", async () => {
    const name = 'evil\n{"person":"admin"}\u001b[31m';
    await audit({ person: bob, action: "delete", target: { kind: "pods", namespace: "shop", name }, result: "success" }, dataDir);
    const records = await lines();
    expect(records).toHaveLength(1);
    expect(records[0]!.target.name).toBe(name);
  });

  test("writes concurrent entries whole and in order", async () => {
    await Promise.all(Array.from({ length: 50 }, (_, i) => audit({ person: bob, action: "scale", target: { kind: "deployments", name: `d${i}` }, result: "success" }, dataDir)));
    expect((await lines()).map((r) => r.target.name)).toEqual(Array.from({ length: 50 }, (_, i) => `d${i}`));
  });

  test("also writes the entry to the process log", async () => {
    await audit({ person: bob, action: "drain", target: { kind: "nodes", name: "n2" }, result: "failure", detail: "PDB blocks eviction" }, dataDir);
    expect(log.info).toHaveBeenCalledWith({ audit: expect.objectContaining({ person: "bob", action: "drain", result: "failure" }) }, expect.stringContaining("bob drain nodes failure"));
  });

  test("rejects when the audit file cannot be written", async () => {
    const blocked = path.join(dataDir, "not-a-dir");
    await writeFile(blocked, "");
    vi.spyOn(log, "error").mockImplementation(() => undefined);
    await expect(audit({ person: bob, action: "delete", target: { kind: "pods", name: "x" }, result: "success" }, blocked)).rejects.toThrow();
  });
});
