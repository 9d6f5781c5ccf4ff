import { METRIC_NAME, type Labels } from "../../model/labels";

/** Labels that decide which series match: the `on` labels, or all but the `ignoring` ones and the name. */
export function matchLabels(labels: Labels, names: ReadonlySet<string>, on: boolean): Labels {
  if (on) return labels.filter((l) => names.has(l.name));
  return labels.filter((l) => l.name !== METRIC_NAME && !names.has(l.name));
}

export function signatureKey(labels: Labels, names: ReadonlySet<string>, on: boolean): string {
  let key = "";
  for (const l of labels) {
    const matches = on ? names.has(l.name) : l.name !== METRIC_NAME && !names.has(l.name);
    if (matches) key += `${l.name}\xff${l.value}\xfe`;
  }
  return key;
}

/** Groups series indices by a key, keeping first-seen order. */
export function groupIndices(keys: readonly string[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const group = groups.get(key);
    if (group) group.push(i);
    else groups.set(key, [i]);
  }
  return groups;
}
