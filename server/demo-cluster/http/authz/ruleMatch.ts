import type { PolicyRule, RequestAttributes } from "./rbacTypes";

// kube's rbac/v1 helpers (pkg/apis/rbac/v1/evaluation_helpers.go), rule by rule.

const all = "*";

export function verbMatches(rule: PolicyRule, verb: string): boolean {
  return (rule.verbs ?? []).some((v) => v === all || v === verb);
}

export function apiGroupMatches(rule: PolicyRule, group: string): boolean {
  return (rule.apiGroups ?? []).some((g) => g === all || g === group);
}

/** "pods/exec" needs "pods/exec", "*" or "*\/exec"; plain "pods" never covers a subresource. */
export function resourceMatches(rule: PolicyRule, combined: string, subresource: string): boolean {
  return (rule.resources ?? []).some((r) => {
    if (r === all || r === combined) return true;
    return subresource !== "" && r.length === subresource.length + 2 && r.startsWith("*/") && r.endsWith(subresource);
  });
}

/** An empty resourceNames list allows every name; otherwise the request must name one of them. */
export function resourceNameMatches(rule: PolicyRule, name: string): boolean {
  const names = rule.resourceNames ?? [];
  return names.length === 0 || names.includes(name);
}

/** Exact paths, "*", or a prefix ending in "*". */
export function nonResourceURLMatches(rule: PolicyRule, path: string): boolean {
  return (rule.nonResourceURLs ?? []).some((url) => url === all || url === path || (url.endsWith(all) && path.startsWith(url.slice(0, -1))));
}

export function ruleAllows(attrs: RequestAttributes, rule: PolicyRule): boolean {
  if (!attrs.resourceRequest) return verbMatches(rule, attrs.verb) && nonResourceURLMatches(rule, attrs.path);
  const combined = attrs.subresource === "" ? attrs.resource : `${attrs.resource}/${attrs.subresource}`;
  return verbMatches(rule, attrs.verb) && apiGroupMatches(rule, attrs.apiGroup) && resourceMatches(rule, combined, attrs.subresource) && resourceNameMatches(rule, attrs.name);
}
