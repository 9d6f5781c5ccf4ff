import { ApiError } from "./apiError";

export type LabelOperator = "=" | "!=" | "in" | "notin" | "exists" | "!" | "gt" | "lt";

export interface LabelRequirement {
  key: string;
  operator: LabelOperator;
  values: string[];
}

/** metav1.LabelSelector as it appears in specs. */
export interface LabelSelectorSpec {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

const keyPattern = /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const valuePattern = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/**
 * Parses the `labelSelector` query syntax: `a=b`, `a==b`, `a!=b`, `a in (x,y)`, `a notin (x)`, `a`, `!a`, `a>1`, `a<1`.
 * Throws 400 like kube-apiserver on a malformed selector.
 */
export function parseLabelSelector(text: string): LabelRequirement[] {
  const requirements: LabelRequirement[] = [];
  for (const term of splitTerms(text)) {
    const trimmed = term.trim();
    if (trimmed === "") {
      if (text.trim() === "") continue;
      throw parseError(text, "found ',', expected: !, identifier, or 'end of string'");
    }
    requirements.push(parseTerm(trimmed, text));
  }
  return requirements;
}

/** Splits on commas outside parentheses. */
function splitTerms(text: string): string[] {
  const terms: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of text) {
    if (ch === "(") depth++;
    if (ch === ")") depth--;
    if (ch === "," && depth === 0) {
      terms.push(current);
      current = "";
    } else {
      current += ch;
    }
  }
  terms.push(current);
  return terms;
}

function parseTerm(term: string, whole: string): LabelRequirement {
  if (term.startsWith("!")) return requirement(term.slice(1).trim(), "!", [], whole);
  const setMatch = /^(\S+)\s+(in|notin)\s*\((.*)\)$/.exec(term);
  if (setMatch) {
    const values = setMatch[3]!.split(",").map((v) => v.trim());
    return requirement(setMatch[1]!, setMatch[2] as LabelOperator, values, whole);
  }
  const opMatch = /^([^=!<>\s]+)\s*(==|!=|=|>|<)\s*(.*)$/.exec(term);
  if (opMatch) {
    const op = opMatch[2]!;
    const operator: LabelOperator = op === "==" ? "=" : op === ">" ? "gt" : op === "<" ? "lt" : (op as LabelOperator);
    return requirement(opMatch[1]!, operator, [opMatch[3]!.trim()], whole);
  }
  return requirement(term, "exists", [], whole);
}

function requirement(key: string, operator: LabelOperator, values: string[], whole: string): LabelRequirement {
  if (!keyPattern.test(key) || key.length > 317) throw parseError(whole, `invalid label key "${key}"`);
  for (const value of values) {
    const numeric = operator === "gt" || operator === "lt";
    if (numeric ? !/^-?\d+$/.test(value) : !valuePattern.test(value) || value.length > 63) {
      throw parseError(whole, `invalid label value: "${value}" for key "${key}"`);
    }
  }
  return { key, operator, values };
}

function parseError(selector: string, detail: string): ApiError {
  return ApiError.badRequest(`unable to parse requirement: ${detail} (in label selector "${selector}")`);
}

/** Whether a label map satisfies every requirement. */
export function matchesLabels(requirements: readonly LabelRequirement[], labels: Record<string, string> | undefined): boolean {
  for (const r of requirements) if (!matchesOne(r, labels ?? {})) return false;
  return true;
}

function matchesOne(r: LabelRequirement, labels: Record<string, string>): boolean {
  const has = Object.hasOwn(labels, r.key);
  const value = labels[r.key];
  switch (r.operator) {
    case "=": return has && value === r.values[0];
    case "!=": return !has || value !== r.values[0];
    case "in": return has && r.values.includes(value!);
    case "notin": return !has || !r.values.includes(value!);
    case "exists": return has;
    case "!": return !has;
    case "gt": return has && /^-?\d+$/.test(value!) && Number(value) > Number(r.values[0]);
    case "lt": return has && /^-?\d+$/.test(value!) && Number(value) < Number(r.values[0]);
  }
}

/** Converts a spec's LabelSelector to requirements; an empty selector matches everything. */
export function requirementsOf(selector: LabelSelectorSpec | undefined): LabelRequirement[] {
  if (!selector) return [];
  const out: LabelRequirement[] = Object.entries(selector.matchLabels ?? {}).map(([key, value]) => ({ key, operator: "=", values: [value] }));
  for (const e of selector.matchExpressions ?? []) {
    const operator = ({ In: "in", NotIn: "notin", Exists: "exists", DoesNotExist: "!" } as const)[e.operator as "In"];
    if (!operator) throw ApiError.badRequest(`"${e.operator}" is not a valid label selector operator`);
    out.push({ key: e.key, operator, values: [...(e.values ?? [])].sort() });
  }
  return out;
}

/** The canonical string form kubectl prints: sorted by key, `a=b,c in (x,y),!d`. */
export function formatRequirements(requirements: readonly LabelRequirement[]): string {
  const sorted = [...requirements].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return sorted.map(formatOne).join(",");
}

function formatOne(r: LabelRequirement): string {
  switch (r.operator) {
    case "=": return `${r.key}=${r.values[0]}`;
    case "!=": return `${r.key}!=${r.values[0]}`;
    case "in":
    case "notin": return `${r.key} ${r.operator} (${[...r.values].sort().join(",")})`;
    case "exists": return r.key;
    case "!": return `!${r.key}`;
    case "gt": return `${r.key}>${r.values[0]}`;
    case "lt": return `${r.key}<${r.values[0]}`;
  }
}

/** metav1.FormatLabelSelector: "<none>" for an empty or missing selector. */
export function formatLabelSelector(selector: LabelSelectorSpec | undefined): string {
  if (!selector) return "<none>";
  try {
    return formatRequirements(requirementsOf(selector)) || "<none>";
  } catch {
    return "<error>";
  }
}

/** labels.FormatLabels: "k=v,k2=v2" sorted, or "<none>". */
export function formatLabels(labels: Record<string, string> | undefined): string {
  const entries = Object.entries(labels ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return entries.length === 0 ? "<none>" : entries.map(([k, v]) => `${k}=${v}`).join(",");
}
