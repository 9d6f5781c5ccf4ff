/** How strategic merge patch treats one list, from the Go types' patchStrategy/patchMergeKey tags. */
export type ListStrategy = { mergeKey: string } | { primitiveSet: true };

// Matched against the end of the field path (list items add no segment), most specific first.
const strategies: [string[], ListStrategy][] = [
  [["containers", "ports"], { mergeKey: "containerPort" }],
  [["initContainers", "ports"], { mergeKey: "containerPort" }],
  [["ephemeralContainers", "ports"], { mergeKey: "containerPort" }],
  [["spec", "ports"], { mergeKey: "port" }],
  [["status", "addresses"], { mergeKey: "type" }],
  [["metadata", "finalizers"], { primitiveSet: true }],
  [["metadata", "ownerReferences"], { mergeKey: "uid" }],
  [["containers"], { mergeKey: "name" }],
  [["initContainers"], { mergeKey: "name" }],
  [["ephemeralContainers"], { mergeKey: "name" }],
  [["env"], { mergeKey: "name" }],
  [["volumeMounts"], { mergeKey: "mountPath" }],
  [["volumeDevices"], { mergeKey: "devicePath" }],
  [["volumes"], { mergeKey: "name" }],
  [["imagePullSecrets"], { mergeKey: "name" }],
  [["hostAliases"], { mergeKey: "ip" }],
  [["conditions"], { mergeKey: "type" }],
  [["podIPs"], { mergeKey: "ip" }],
  [["hostIPs"], { mergeKey: "ip" }],
  [["resourceClaims"], { mergeKey: "name" }],
  [["topologySpreadConstraints"], { mergeKey: "topologyKey" }],
  [["secrets"], { mergeKey: "name" }],
];

/** The strategy for the list at `path`; undefined means the list is replaced as a whole. */
export function listStrategy(path: readonly string[]): ListStrategy | undefined {
  for (const [suffix, strategy] of strategies) {
    if (suffix.length > path.length) continue;
    if (suffix.every((segment, i) => path[path.length - suffix.length + i] === segment)) return strategy;
  }
  return undefined;
}
