import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { DEFAULT_AGGREGATE_THRESHOLD } from "@/server/topology/aggregate";

// Claims in the README, docs and comments that drifted from the code once: checked against the code itself.
const repoRoot = path.resolve(__dirname, "..");
const read = (file: string) => readFileSync(path.join(repoRoot, file), "utf8");
const serverSources = (readdirSync(path.join(repoRoot, "server"), { recursive: true }) as string[])
  .filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts") && !file.startsWith("demo-cluster"))
  .map((file) => path.join("server", file));

describe("documented defaults", () => {
  test("every mention of the grouping default names the threshold the code uses", () => {
    const files = ["README.md", "docs/architecture.md", ...serverSources];
    const mentions = files.flatMap((file) =>
      [...read(file).matchAll(/grouped[^\n]*?\(default ([\d,_]+)/g)].map((match) => ({ file, value: Number(match[1]!.replace(/[,_]/g, "")) })),
    );
    expect(mentions.length).toBeGreaterThanOrEqual(3);
    for (const mention of mentions) expect(mention, mention.file).toEqual({ file: mention.file, value: DEFAULT_AGGREGATE_THRESHOLD });
  });
});

describe("the audit log as documented", () => {
  // Every action name the product hands to audit(): `action: "exec"` literals in server code.
  const actions = serverSources.flatMap((file) => [...read(file).matchAll(/action: "([\w.-]+)"/g)].map((match) => match[1]!));
  const readmeLine = read("README.md").split("\n- ").find((item) => item.includes("audit.log")) ?? "";

  test("the README names what is audited today: pod shells and embed tokens", () => {
    expect(actions).toEqual(expect.arrayContaining(["exec", "exec.end", "embed-token.create", "embed-token.revoke"]));
    expect(readmeLine).toMatch(/exec/);
    expect(readmeLine).toMatch(/embed token/);
  });

  test("the README claims no audited action the code never writes", () => {
    const claims: [word: RegExp, action: RegExp][] = [
      [/\bchange/, /^(create|update|patch|delete|scale|restart)/],
      [/\battach\b/, /^attach/],
    ];
    for (const [word, action] of claims) if (word.test(readmeLine)) expect(actions.some((name) => action.test(name)), `README says ${word.source}`).toBe(true);
  });
});
