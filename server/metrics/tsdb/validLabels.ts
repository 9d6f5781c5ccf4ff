import { normalizeLabels, type Labels } from "../model/labels";

/** The label set as the store keeps it (sorted, no empty values), or undefined when it cannot name a series. */
export function validLabels(labels: Labels): Labels | undefined {
  let sorted = true;
  let hasEmpty = false;
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i]!;
    if (l.name === "") return undefined;
    if (l.value === "") hasEmpty = true;
    if (i > 0 && labels[i - 1]!.name >= l.name) sorted = false;
  }
  const normal = sorted && !hasEmpty ? labels : normalizeLabels(labels);
  if (normal.length === 0) return undefined;
  for (let i = 1; i < normal.length; i++) if (normal[i - 1]!.name === normal[i]!.name) return undefined;
  return normal;
}
