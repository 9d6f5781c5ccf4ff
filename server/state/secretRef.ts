/** The Secret several replicas keep their state in. */
export interface SecretRef {
  namespace: string;
  name: string;
}

// A namespace is a DNS-1123 label, a Secret's name a DNS-1123 subdomain (what the apiserver accepts).
const label = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
const refPattern = new RegExp(`^(${label})/(${label}(\\.${label})*)$`);

/** `<namespace>/<name>`, or undefined when it is not one. */
export function parseSecretRef(text: string): SecretRef | undefined {
  const match = refPattern.exec(text);
  if (!match || match[1]!.length > 63 || match[3]!.length > 253) return undefined;
  return { namespace: match[1]!, name: match[3]! };
}

export function formatSecretRef(ref: SecretRef): string {
  return `${ref.namespace}/${ref.name}`;
}

/** The Secret's path on the apiserver. */
export function secretPath(ref: SecretRef): string {
  return `/api/v1/namespaces/${encodeURIComponent(ref.namespace)}/secrets/${encodeURIComponent(ref.name)}`;
}

/**
 * A watch of this one Secret: the collection pinned by name, which RBAC authorizes with resourceNames.
 * Without a resourceVersion it starts with the Secret as it is now (one ADDED event).
 */
export function secretWatchPath(ref: SecretRef, resourceVersion: string | undefined, timeoutSeconds: number): string {
  const selector = encodeURIComponent(`metadata.name=${ref.name}`);
  const from = resourceVersion ? `&resourceVersion=${encodeURIComponent(resourceVersion)}` : "";
  return `/api/v1/namespaces/${encodeURIComponent(ref.namespace)}/secrets?watch=1&fieldSelector=${selector}&allowWatchBookmarks=true${from}&timeoutSeconds=${timeoutSeconds}`;
}
