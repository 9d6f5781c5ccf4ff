// What a refused read was, and the kubectl commands that would let the person see it read-only.

/** One refused request, in the terms of an RBAC rule. */
export interface Refusal {
  verb: string;
  /** Plural resource, e.g. "pods". */
  resource: string;
  /** API group; "" for the core group. */
  group: string;
  /** The namespace asked about; undefined for all namespaces or a cluster-scoped resource. */
  namespace?: string;
}

/** Who the apiserver saw: the user name (null when Orrery could not learn it) and groups. */
export interface Subject {
  user: string | null;
  groups: readonly string[];
}

// The stream's own sentences (server/stream/streamAccess.ts denialOf).
const streamDenial = /^you may not (list) ([a-z0-9.]+)(?: in namespace (\S+)| in any namespace)?$/;
// kube-apiserver's Forbidden message, which Orrery's details route repeats.
const apiserverDenial = /cannot (\w+) resource "([^"]+)" in API group "([^"]*)"(?: in the namespace "([^"]+)")?/;

const groupOf: Record<string, string> = {
  deployments: "apps", replicasets: "apps", statefulsets: "apps", daemonsets: "apps",
  jobs: "batch", cronjobs: "batch", endpointslices: "discovery.k8s.io", ingresses: "networking.k8s.io",
};

/** The refusal a sentence from the stream or the apiserver describes; undefined for any other sentence. */
export function parseRefusal(message: string): Refusal | undefined {
  const stream = streamDenial.exec(message.trim());
  if (stream) return { verb: stream[1]!, resource: stream[2]!, group: groupOf[stream[2]!] ?? "", ...(stream[3] ? { namespace: stream[3] } : {}) };
  const apiserver = apiserverDenial.exec(message);
  if (apiserver) return { verb: apiserver[1]!, resource: apiserver[2]!, group: apiserver[3]!, ...(apiserver[4] ? { namespace: apiserver[4] } : {}) };
  return undefined;
}

// Kubernetes' built-in `view` ClusterRole reads these (and not nodes, which are cluster-scoped).
const readByView = new Set(["pods", "services", "namespaces", "events", "persistentvolumeclaims", "endpoints", "configmaps", "deployments", "replicasets", "statefulsets", "daemonsets", "jobs", "cronjobs", "endpointslices", "ingresses"]);

/** A string as one shell word: bare when it is plainly safe, else single-quoted. */
export function shellWord(value: string): string {
  return /^[A-Za-z0-9@%+=:,./_-]+$/.test(value) ? value : `'${value.replaceAll("'", `'"'"'`)}'`;
}

/** A lowercase RBAC object name made from a user or group name. */
function nameFor(prefix: string, who: string): string {
  const slug = who.toLowerCase().replace(/[^a-z0-9.-]+/g, "-").replace(/^[-.]+|[-.]+$/g, "").slice(0, 40);
  return slug ? `${prefix}-${slug}` : prefix;
}

/** A group the person was given (not one the apiserver adds to everybody). */
const ownGroups = (subject: Subject) => subject.groups.filter((group) => !group.startsWith("system:"));

export interface GrantAdvice {
  /** Commands a cluster admin runs, in order, for the person to read what was refused. */
  commands: string[];
  /** The same grant for everyone in the person's first group, when they have one. */
  forGroup?: { group: string; commands: string[] };
}

function subjectFlag(kind: "user" | "group", name: string | null): string {
  return `--${kind}=${name === null ? "<user>" : shellWord(name)}`;
}

/**
 * kubectl commands that grant the read-only rights `refusal` lacked: a ClusterRoleBinding to `view` for what
 * `view` covers, and for nodes a small ClusterRole of its own first (`view` does not read nodes).
 */
export function grantAdvice(refusal: Refusal, subject: Subject): GrantAdvice {
  const commandsFor = (kind: "user" | "group", name: string | null): string[] => {
    const who = name ?? "user";
    if (!readByView.has(refusal.resource)) {
      const role = `orrery-${refusal.resource.replace(/[^a-z0-9-]/g, "-")}-reader`;
      const resource = refusal.group ? `${refusal.resource}.${refusal.group}` : refusal.resource;
      return [
        `kubectl create clusterrole ${role} --verb=get,list,watch --resource=${resource}`,
        `kubectl create clusterrolebinding ${nameFor(role, who)} --clusterrole=${role} ${subjectFlag(kind, name)}`,
      ];
    }
    return [`kubectl create clusterrolebinding ${nameFor("orrery-view", who)} --clusterrole=view ${subjectFlag(kind, name)}`];
  };
  const group = ownGroups(subject)[0];
  return { commands: commandsFor("user", subject.user), ...(group ? { forGroup: { group, commands: commandsFor("group", group) } } : {}) };
}

/** The refusal in words: "list pods in namespace shop", "list nodes". */
export function describeRefusal(refusal: Refusal): string {
  const resource = refusal.group ? `${refusal.resource}.${refusal.group}` : refusal.resource;
  return `${refusal.verb} ${resource}${refusal.namespace ? ` in namespace ${refusal.namespace}` : ""}`;
}
