const cache = new Map<string, RegExp>();

/** Compiles a Prometheus (RE2) regex fully anchored with `.` matching newlines; undefined when JavaScript rejects it. */
export function compileAnchored(source: string): RegExp | undefined {
  let re = cache.get(source);
  if (re) return re;
  for (const flags of ["su", "s"]) {
    try {
      re = new RegExp(`^(?:${source})$`, flags);
      break;
    } catch {
      re = undefined;
    }
  }
  if (re && cache.size < 1000) cache.set(source, re);
  return re;
}

/** Go's Regexp.Expand: $1, ${1}, $name, ${name}, $$; a name is the longest run of letters, digits and underscores. */
export function expandTemplate(template: string, match: RegExpExecArray): string {
  let out = "";
  for (let i = 0; i < template.length; i++) {
    const c = template[i]!;
    if (c !== "$" || i + 1 >= template.length) {
      out += c;
      continue;
    }
    if (template[i + 1] === "$") {
      out += "$";
      i++;
      continue;
    }
    const parsed = parseReference(template, i + 1);
    if (!parsed) {
      out += c;
      continue;
    }
    out += groupText(match, parsed.name);
    i = parsed.next - 1;
  }
  return out;
}

function parseReference(template: string, at: number): { name: string; next: number } | undefined {
  if (template[at] === "{") {
    const close = template.indexOf("}", at);
    if (close < 0) return undefined;
    const name = template.slice(at + 1, close);
    return /^\w+$/.test(name) ? { name, next: close + 1 } : undefined;
  }
  const m = /^\w+/.exec(template.slice(at));
  return m ? { name: m[0], next: at + m[0].length } : undefined;
}

function groupText(match: RegExpExecArray, name: string): string {
  if (/^\d+$/.test(name)) return match[Number(name)] ?? "";
  return match.groups?.[name] ?? "";
}
