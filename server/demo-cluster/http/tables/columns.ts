import type { KubeObject } from "@/server/kube/types";
import { list, str } from "../objectAccess";
import { ageSince } from "./humanDuration";

/** metav1.TableColumnDefinition. */
export interface ColumnDefinition {
  name: string;
  type: string;
  format: string;
  description: string;
  priority: number;
}

export interface RowCondition {
  type: string;
  status: string;
  reason: string;
  message: string;
}

/** Turns one object into the cells kube-apiserver's printers produce (always the wide set). */
export interface TablePrinter {
  columns: ColumnDefinition[];
  cells(object: KubeObject, now: number): unknown[];
  conditions?(object: KubeObject): RowCondition[] | undefined;
}

interface ColumnOptions {
  type?: string;
  format?: string;
  priority?: number;
}

export function column(name: string, description: string, options: ColumnOptions = {}): ColumnDefinition {
  return { name, type: options.type ?? "string", format: options.format ?? "", description, priority: options.priority ?? 0 };
}

export const nameColumn = column("Name", "Name must be unique within a namespace.", { format: "name" });
export const ageColumn = column("Age", "CreationTimestamp is a timestamp representing the server time when this object was created.");
export const containersColumn = column("Containers", "Names of each container in the template.", { priority: 1 });
export const imagesColumn = column("Images", "Images referenced by each container in the template.", { priority: 1 });
export const selectorColumn = column("Selector", "A label query over pods.", { priority: 1 });

export function age(object: KubeObject, now: number): string {
  return ageSince(object.metadata.creationTimestamp, now);
}

/** layoutContainerCells: names and images joined with commas. */
export function containerCells(containers: unknown): [string, string] {
  const items = list(containers);
  return [items.map((c) => str(c.name)).join(","), items.map((c) => str(c.image)).join(",")];
}

/** The generic printer for resources without a dedicated one. */
export const genericPrinter: TablePrinter = {
  columns: [nameColumn, ageColumn],
  cells: (o, now) => [o.metadata.name, age(o, now)],
};
