import { expect } from "vitest";
import { corePath, names, ok } from "../http";
import type { ContractTarget, Expectation } from "../target";
import { sharedPods, sharedSelector } from "../workloads";

interface Table {
  kind: string;
  apiVersion: string;
  metadata: { resourceVersion?: string };
  columnDefinitions: { name: string; type: string; format: string; description: string; priority: number }[];
  rows: { cells: unknown[]; object: { kind?: string; apiVersion?: string; metadata: { name: string } } }[];
}

/** What kubectl get sends to have the server print. */
const tableAccept = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";

const podColumns = ["Name", "Ready", "Status", "Restarts", "Age", "IP", "Node", "Nominated Node", "Readiness Gates"];

function tableOf(target: ContractTarget, query: Record<string, string>): Promise<Table> {
  return ok<Table>(target, `${corePath(target.namespace, "pods")}?${new URLSearchParams(query)}`, { headers: { Accept: tableAccept } });
}

async function podTable(target: ContractTarget): Promise<void> {
  const pods = await sharedPods(target);
  const table = await tableOf(target, { labelSelector: sharedSelector });
  expect({ kind: table.kind, apiVersion: table.apiVersion }).toEqual({ kind: "Table", apiVersion: "meta.k8s.io/v1" });
  expect(table.metadata.resourceVersion).toMatch(/^\d+$/);
  expect(table.columnDefinitions.map((c) => c.name)).toEqual(podColumns);
  // -o wide shows the columns with priority > 0.
  expect(table.columnDefinitions.map((c) => c.priority)).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1]);
  expect(table.columnDefinitions[0]).toMatchObject({ type: "string", format: "name" });
  expect(table.rows.map((r) => r.cells[0]).sort()).toEqual(names(pods));
  for (const row of table.rows) {
    expect(row.cells).toHaveLength(podColumns.length);
    expect(row.cells.slice(1, 3)).toEqual(["1/1", "Running"]);
    expect(row.object).toMatchObject({ kind: "PartialObjectMetadata", apiVersion: "meta.k8s.io/v1", metadata: { name: row.cells[0] } });
  }
  const withObjects = await tableOf(target, { labelSelector: sharedSelector, includeObject: "Object" });
  expect(withObjects.rows.map((r) => r.object.kind)).toEqual(pods.map(() => "Pod"));
}

export const tableExpectations: Expectation[] = [
  { id: "table.pods", title: "pods as a meta.k8s.io/v1 Table: kubectl's columns, cells per row, PartialObjectMetadata rows", run: podTable, timeoutMs: 90_000 },
];
