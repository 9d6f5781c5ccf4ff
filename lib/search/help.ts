// What the `?` help panel lists: every field, metric and piece of syntax, each with examples that parse.

export interface SearchHelpEntry {
  /** The name people type, e.g. "ns" or "cpu". */
  name: string;
  /** Other spellings the parser accepts for the same thing. */
  aliases: string[];
  description: string;
  examples: string[];
}

export const searchFieldHelp: readonly SearchHelpEntry[] = [
  { name: "ns", aliases: ["namespace"], description: "Namespace, matched whole (ignores case).", examples: ["ns:kube-system", "-ns:kube-system", "ns:/^shop-/"] },
  {
    name: "kind",
    aliases: [],
    description: "Kind of object: node, pod, deployment, statefulset, daemonset, job, cronjob, unmanaged, service, ingress, container, namespace, group; kubectl short names (po, deploy, sts, ds, svc, ing) work too.",
    examples: ["kind:pod", "kind:svc", "!kind:job"],
  },
  { name: "node", aliases: ["host"], description: "Node a pod runs on, matched whole.", examples: ["node:worker-1", "node:/worker-[12]$/"] },
  {
    name: "status",
    aliases: [],
    description: "Status: running, pending, crashlooping (or crashloopbackoff), failed, terminating, notready, succeeded (or completed), unknown.",
    examples: ["status:crashlooping", "-status:running"],
  },
  {
    name: "label",
    aliases: [],
    description: "Label key=value (exact, ignores case), or just the key for any node that has the label.",
    examples: ["label:app=redis", "label:app", 'label:"team=data platform"'],
  },
  { name: "image", aliases: [], description: "Part of any container image.", examples: ["image:nginx", "image:/:1\\.2[0-9]$/"] },
  { name: "name", aliases: [], description: "Part of the name.", examples: ["name:redis", 'name:"my pod"', "name:/^web-/"] },
];

export const searchMetricHelp: readonly SearchHelpEntry[] = [
  {
    name: "cpu",
    aliases: [],
    description: "CPU use in cores (0.5) or millicores (250m). Percentages are not supported. Read from the resource metrics API (metrics.k8s.io, as kubectl top); a node without a sample never matches.",
    examples: ["cpu > 250m", "cpu>=1"],
  },
  {
    name: "memory",
    aliases: ["mem"],
    description: "Memory use. Ki, Mi, Gi, Ti are 1024-based; so are Scope-style K, M, G, T in any case, with or without B (100M = 100MB = 100Mi). Read from the resource metrics API (metrics.k8s.io, as kubectl top); a node without a sample never matches.",
    examples: ["memory > 100Mi", "memory>100M", "mem < 1G"],
  },
  { name: "restarts", aliases: [], description: "Container restarts (a pod's total).", examples: ["restarts >= 3", "restarts=0"] },
];

export const searchSyntaxHelp: readonly SearchHelpEntry[] = [
  { name: "text", aliases: [], description: "Any part of a name, namespace, label or annotation (ignores case).", examples: ["redis", '"my pod"'] },
  { name: "/regex/", aliases: [], description: "A regular expression over the same texts; add i to ignore case.", examples: ["/^redis-[0-9]+$/", "/Cache/i"] },
  { name: "-", aliases: ["!"], description: "Put before any term to exclude what it matches.", examples: ["-ns:kube-system", "!status:running"] },
  { name: "< <= = >= >", aliases: [], description: "Compare a metric; spaces around the operator are optional.", examples: ["restarts > 0", "cpu<=100m"] },
  { name: "AND", aliases: [], description: "Terms separated by spaces must all match. Pinned searches also AND together.", examples: ["ns:shop kind:pod status:pending"] },
];
