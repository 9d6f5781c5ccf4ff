import type { KubeObject } from "@/server/kube/types";
import { storeKeyOf, type ResourceInfo } from "../resources";
import { ApiError } from "./apiError";
import { field } from "./objectAccess";

export interface FieldRequirement {
  field: string;
  /** True for `!=`. */
  negated: boolean;
  value: string;
  read: FieldReader;
}

type FieldReader = (object: KubeObject) => string;

const text = (...path: string[]): FieldReader => (o) => stringify(field(o, ...path));

function stringify(value: unknown): string {
  if (value === undefined || value === null) return "";
  return typeof value === "string" ? value : String(value);
}

const podFields: Record<string, FieldReader> = {
  "spec.nodeName": text("spec", "nodeName"),
  // Old v1 clients' name for spec.nodeName.
  "spec.host": text("spec", "nodeName"),
  "spec.restartPolicy": text("spec", "restartPolicy"),
  "spec.schedulerName": text("spec", "schedulerName"),
  "spec.serviceAccountName": text("spec", "serviceAccountName"),
  "spec.hostNetwork": (o) => String(field(o, "spec", "hostNetwork") === true),
  "status.phase": text("status", "phase"),
  "status.podIP": text("status", "podIP"),
  "status.nominatedNodeName": text("status", "nominatedNodeName"),
};

const eventFields: Record<string, FieldReader> = {
  "involvedObject.kind": text("involvedObject", "kind"),
  "involvedObject.namespace": text("involvedObject", "namespace"),
  "involvedObject.name": text("involvedObject", "name"),
  "involvedObject.uid": text("involvedObject", "uid"),
  "involvedObject.apiVersion": text("involvedObject", "apiVersion"),
  "involvedObject.resourceVersion": text("involvedObject", "resourceVersion"),
  "involvedObject.fieldPath": text("involvedObject", "fieldPath"),
  reason: text("reason"),
  reportingComponent: text("reportingComponent"),
  source: text("source", "component"),
  type: text("type"),
};

/**
 * Resources with their own field-label conversion in kube-apiserver (k8s.io/kubernetes pkg/apis/{core,batch}/v1/conversion.go),
 * and the fields it accepts beyond metadata.name (and metadata.namespace where namespaced).
 */
const fieldsByResource: Record<string, Record<string, FieldReader>> = {
  pods: podFields,
  events: eventFields,
  nodes: { "spec.unschedulable": (o) => String(field(o, "spec", "unschedulable") === true) },
  secrets: { type: text("type") },
  services: { "spec.clusterIP": text("spec", "clusterIP"), "spec.type": text("spec", "type") },
  namespaces: { "status.phase": text("status", "phase") },
  "batch/jobs": { "status.successful": (o) => String(field(o, "status", "succeeded") ?? 0) },
};

function readerFor(info: ResourceInfo, name: string): FieldReader | undefined {
  const custom = fieldsByResource[storeKeyOf(info)];
  if (name === "metadata.name") return (o) => o.metadata.name;
  // The default conversion takes metadata.namespace everywhere; the custom ones only for namespaced kinds.
  if (name === "metadata.namespace" && (info.namespaced || !custom)) return (o) => o.metadata.namespace ?? "";
  return custom?.[name];
}

/** kube-apiserver's two wordings: the resource's own conversion, or the default metav1 one. */
function unsupported(info: ResourceInfo, name: string): ApiError {
  if (fieldsByResource[storeKeyOf(info)]) return ApiError.badRequest(`field label not supported: ${name}`);
  return ApiError.badRequest(`"${name}" is not a known field selector: only "metadata.name", "metadata.namespace"`);
}

/** Parses `a=b,c!=d` (also `==`), with `\,` `\=` `\\` escapes; unknown fields are 400 like kube-apiserver. */
export function parseFieldSelector(selector: string, info: ResourceInfo): FieldRequirement[] {
  const out: FieldRequirement[] = [];
  for (const term of splitUnescaped(selector, ",")) {
    if (term.trim() === "") continue;
    const match = /^(.*?)(!=|==|=)(.*)$/s.exec(term);
    if (!match || match[1]!.trim() === "") throw ApiError.badRequest(`invalid selector: '${selector}'; can't understand '${term}'`);
    const name = match[1]!.trim();
    const read = readerFor(info, name);
    if (!read) throw unsupported(info, name);
    out.push({ field: name, negated: match[2] === "!=", value: unescape(match[3]!), read });
  }
  return out;
}

export function matchesFields(requirements: readonly FieldRequirement[], object: KubeObject): boolean {
  for (const r of requirements) if ((r.read(object) === r.value) === r.negated) return false;
  return true;
}

/** The single name a `metadata.name=x` selector pins, for cheap lookups. */
export function pinnedName(requirements: readonly FieldRequirement[]): string | undefined {
  return requirements.find((r) => r.field === "metadata.name" && !r.negated)?.value;
}

function splitUnescaped(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "\\" && i + 1 < text.length) {
      current += ch + text[++i];
    } else if (ch === separator) {
      parts.push(current);
      current = "";
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts;
}

function unescape(value: string): string {
  return value.replace(/\\(.)/g, "$1");
}
