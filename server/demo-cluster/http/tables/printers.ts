import type { KubeObject } from "@/server/kube/types";
import { storeKeyOf, type ResourceInfo } from "../../resources";
import type { IncludeObject } from "../listQuery";
import { genericPrinter, type ColumnDefinition, type RowCondition, type TablePrinter } from "./columns";
import { configMapPrinter, controllerRevisionPrinter, eventPrinter, leasePrinter, namespacePrinter, pdbPrinter, pvcPrinter, pvPrinter, secretPrinter, serviceAccountPrinter } from "./configTables";
import { endpointSlicePrinter, endpointsPrinter, ingressPrinter, servicePrinter } from "./networkTables";
import { nodePrinter } from "./nodeTable";
import { podPrinter } from "./podTable";
import { cronJobPrinter, daemonSetPrinter, deploymentPrinter, jobPrinter, replicaSetPrinter, statefulSetPrinter } from "./workloadTables";

const printers: Record<string, TablePrinter> = {
  pods: podPrinter,
  nodes: nodePrinter,
  namespaces: namespacePrinter,
  services: servicePrinter,
  endpoints: endpointsPrinter,
  events: eventPrinter,
  configmaps: configMapPrinter,
  secrets: secretPrinter,
  serviceaccounts: serviceAccountPrinter,
  persistentvolumeclaims: pvcPrinter,
  persistentvolumes: pvPrinter,
  "apps/deployments": deploymentPrinter,
  "apps/replicasets": replicaSetPrinter,
  "apps/statefulsets": statefulSetPrinter,
  "apps/daemonsets": daemonSetPrinter,
  "apps/controllerrevisions": controllerRevisionPrinter,
  "batch/jobs": jobPrinter,
  "batch/cronjobs": cronJobPrinter,
  "discovery.k8s.io/endpointslices": endpointSlicePrinter,
  "networking.k8s.io/ingresses": ingressPrinter,
  "policy/poddisruptionbudgets": pdbPrinter,
  "coordination.k8s.io/leases": leasePrinter,
};

export function printerFor(info: ResourceInfo): TablePrinter {
  return printers[storeKeyOf(info)] ?? genericPrinter;
}

export interface TableRow {
  cells: unknown[];
  conditions?: RowCondition[];
  object?: unknown;
}

/** One metav1.TableRow; the object is PartialObjectMetadata unless includeObject says otherwise. */
export function tableRow(printer: TablePrinter, object: KubeObject, include: IncludeObject, tableVersion: string, now: number): TableRow {
  const row: TableRow = { cells: printer.cells(object, now) };
  const conditions = printer.conditions?.(object);
  if (conditions) row.conditions = conditions;
  if (include === "Object") row.object = object;
  if (include === "Metadata") row.object = partialMetadata(object, tableVersion);
  return row;
}

export function partialMetadata(object: KubeObject, version: string): Record<string, unknown> {
  return { kind: "PartialObjectMetadata", apiVersion: `meta.k8s.io/${version}`, metadata: object.metadata };
}

/** A whole Table for already-selected objects (single gets and watch events). */
export function buildTable(info: ResourceInfo, objects: readonly KubeObject[], options: { include: IncludeObject; version: string; withColumns: boolean; resourceVersion?: string }): Record<string, unknown> {
  const printer = printerFor(info);
  const now = Date.now();
  const columns: ColumnDefinition[] = options.withColumns ? printer.columns : [];
  return {
    kind: "Table",
    apiVersion: `meta.k8s.io/${options.version}`,
    metadata: options.resourceVersion ? { resourceVersion: options.resourceVersion } : {},
    columnDefinitions: columns,
    rows: objects.map((o) => tableRow(printer, o, options.include, options.version, now)),
  };
}
