import { describe, expect, test } from "vitest";
import { buildImportGraph, findImportCycles } from "./importGraph";

describe("findImportCycles", () => {
  test("names the files of a circle in import order", () => {
    const graph = new Map([
      ["a.ts", ["b.ts"]],
      ["b.ts", ["c.ts"]],
      ["c.ts", ["a.ts", "d.ts"]],
      ["d.ts", []],
    ]);
    expect(findImportCycles(graph)).toEqual([["a.ts", "b.ts", "c.ts", "a.ts"]]);
  });

  test("finds nothing in a graph without circles", () => {
    expect(findImportCycles(new Map([["a.ts", ["b.ts"]], ["b.ts", []]]))).toEqual([]);
  });
});

describe("Orrery's import graph", () => {
  const graph = buildImportGraph();

  test("resolves the path aliases the code uses", () => {
    expect(graph.get("server/exec/execRelay.ts")).toContain("server/exec/channelProtocol.ts");
    expect(graph.get("proxy.ts")).toContain("server/runtime.ts");
  });

  test("has no import circles in server/, lib/, components/ and app/", () => {
    const described = findImportCycles(graph).map((cycle) => cycle.join(" → "));
    expect(described).toEqual([]);
  });

  test("production code does not import the demo cluster (only connectCluster.ts starts it)", () => {
    const isDemo = (file: string) => file.startsWith("server/demo-cluster/");
    const isTestCode = (file: string) => /\.test\.tsx?$/.test(file) || file.split("/").includes("testing");
    const offenders = [...graph]
      .filter(([file]) => !isDemo(file) && !isTestCode(file) && file !== "server/connectCluster.ts")
      .flatMap(([file, targets]) => targets.filter(isDemo).map((target) => `${file} → ${target}`));
    expect(offenders).toEqual([]);
  });
});
