import type { KubeObject } from "@/server/kube/types";
import { groupVersionOf, storeKeyOf, type ResourceInfo } from "../resources";
import { ApiError } from "./apiError";
import { matchesLabels, requirementsOf, type LabelSelectorSpec } from "./labelSelector";
import { field, isJson, list, str } from "./objectAccess";

const subdomain = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const label1123 = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const label1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

const subdomainHelp = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const label1123Help = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const label1035Help = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

function nameRule(info: ResourceInfo): { pattern: RegExp; max: number; help: string } {
  if (info.plural === "namespaces" && !info.group) return { pattern: label1123, max: 63, help: label1123Help };
  if (info.plural === "services" && !info.group) return { pattern: label1035, max: 63, help: label1035Help };
  return { pattern: subdomain, max: 253, help: subdomainHelp };
}

export function validateName(info: ResourceInfo, name: string): void {
  const rule = nameRule(info);
  if (!rule.pattern.test(name)) throw ApiError.invalid(info.kind, name, "metadata.name", `Invalid value: "${name}": ${rule.help}`);
  if (name.length > rule.max) throw ApiError.invalid(info.kind, name, "metadata.name", `Invalid value: "${name}": must be no more than ${rule.max} characters`);
}

/** apiVersion and kind in a body must name the resource of the path. */
export function checkTypeMeta(info: ResourceInfo, body: Record<string, unknown>): void {
  const expected = groupVersionOf(info);
  if (body.apiVersion !== undefined && body.apiVersion !== expected) {
    throw ApiError.badRequest(`the API version in the data (${String(body.apiVersion)}) does not match the expected API version (${expected})`);
  }
  if (body.kind !== undefined && body.kind !== info.kind) {
    throw ApiError.badRequest(`the kind in the data (${String(body.kind)}) does not match the expected kind (${info.kind})`);
  }
}

function required(info: ResourceInfo, name: string, path: string): ApiError {
  return ApiError.invalid(info.kind, name, path, "Required value");
}

function validatePodSpec(info: ResourceInfo, name: string, spec: unknown, path: string): void {
  const containers = list(field(spec, "containers"));
  if (containers.length === 0) throw required(info, name, `${path}.containers`);
  containers.forEach((c, i) => {
    if (str(c.name) === "") throw required(info, name, `${path}.containers[${i}].name`);
    if (str(c.image) === "") throw required(info, name, `${path}.containers[${i}].image`);
  });
}

/** Workload controllers: a selector is required and must select the template's labels. */
function validateSelector(info: ResourceInfo, object: KubeObject, templatePath: string[]): void {
  const name = object.metadata.name;
  const selector = field(object, "spec", "selector");
  if (!isJson(selector)) throw required(info, name, "spec.selector");
  const labels = field(object, ...templatePath, "metadata", "labels") as Record<string, string> | undefined;
  if (!matchesLabels(requirementsOf(selector as LabelSelectorSpec), labels)) {
    throw ApiError.invalid(info.kind, name, `${templatePath.join(".")}.metadata.labels`, "Invalid value: `selector` does not match template `labels`");
  }
  validatePodSpec(info, name, field(object, ...templatePath, "spec"), `${templatePath.join(".")}.spec`);
}

const byResource: Record<string, (info: ResourceInfo, o: KubeObject) => void> = {
  pods: (info, o) => validatePodSpec(info, o.metadata.name, o.spec, "spec"),
  "apps/deployments": (info, o) => validateSelector(info, o, ["spec", "template"]),
  "apps/replicasets": (info, o) => validateSelector(info, o, ["spec", "template"]),
  "apps/statefulsets": (info, o) => validateSelector(info, o, ["spec", "template"]),
  "apps/daemonsets": (info, o) => validateSelector(info, o, ["spec", "template"]),
};

/** The checks kube-apiserver would refuse an object for, for the fields the demo relies on; names only on create. */
export function validateObject(info: ResourceInfo, object: KubeObject, checkName = true): void {
  if (checkName) validateName(info, object.metadata.name);
  byResource[storeKeyOf(info)]?.(info, object);
}
