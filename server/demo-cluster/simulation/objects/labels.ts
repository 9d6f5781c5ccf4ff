import type { LabelSelector, LabelSelectorRequirement } from "./types";

type Labels = Readonly<Record<string, string>> | undefined;

function matchesRequirement(labels: Labels, req: LabelSelectorRequirement): boolean {
  const value = labels?.[req.key];
  switch (req.operator) {
    case "In":
      return value !== undefined && (req.values ?? []).includes(value);
    case "NotIn":
      return value === undefined || !(req.values ?? []).includes(value);
    case "Exists":
      return value !== undefined;
    case "DoesNotExist":
      return value === undefined;
    default:
      return false;
  }
}

/** metav1.LabelSelector semantics: an empty selector matches everything, a missing one nothing. */
export function matchesSelector(selector: LabelSelector | undefined, labels: Labels): boolean {
  if (!selector) return false;
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) if (labels?.[key] !== value) return false;
  return (selector.matchExpressions ?? []).every((req) => matchesRequirement(labels, req));
}

/** A Service-style selector (plain map): an empty or missing map selects nothing. */
export function matchesMap(selector: Readonly<Record<string, string>> | undefined, labels: Labels): boolean {
  const entries = Object.entries(selector ?? {});
  if (entries.length === 0) return false;
  return entries.every(([key, value]) => labels?.[key] === value);
}

const setPattern = /^\s*(!?)\s*([A-Za-z0-9./_-]+)\s*(?:(==|=|!=)\s*([A-Za-z0-9._-]*)|\s+(in|notin)\s*\(([^)]*)\))?\s*$/;

/** Splits on commas that are not inside a "(...)" value list. */
function splitTerms(text: string): string[] {
  const terms: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "(") depth++;
    else if (text[i] === ")") depth--;
    else if (text[i] === "," && depth === 0) {
      terms.push(text.slice(start, i));
      start = i + 1;
    }
  }
  terms.push(text.slice(start));
  return terms.filter((t) => t.trim() !== "");
}

function parseTerm(term: string): LabelSelectorRequirement {
  const m = setPattern.exec(term);
  if (!m) throw new Error(`unable to parse requirement: "${term.trim()}"`);
  const [, bang, key = "", op, value = "", setOp, list = ""] = m;
  if (bang) {
    if (op || setOp) throw new Error(`unable to parse requirement: "${term.trim()}"`);
    return { key, operator: "DoesNotExist" };
  }
  if (op) return { key, operator: op === "!=" ? "NotIn" : "In", values: [value] };
  if (setOp) return { key, operator: setOp === "in" ? "In" : "NotIn", values: list.split(",").map((v) => v.trim()).filter(Boolean) };
  return { key, operator: "Exists" };
}

/** Parses a `labelSelector` query parameter ("app=web,tier!=db,env in (a,b),!canary"); throws on bad input. */
export function parseLabelSelector(text: string): LabelSelector {
  return { matchExpressions: splitTerms(text).map(parseTerm) };
}
