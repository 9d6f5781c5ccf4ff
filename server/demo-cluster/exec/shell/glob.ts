import { resolvePath } from "./fakeFs";
import type { SessionFs } from "./sessionFs";

// Pathname expansion (*, ?, [...]) over the fake filesystem. Patterns mark literal characters with
// a backslash, so quoted "*" never globs.

export function hasGlob(pattern: string): boolean {
  return /(^|[^\\])[*?[]/.test(pattern);
}

export function unescapePattern(pattern: string): string {
  return pattern.replace(/\\(.)/g, "$1");
}

function segmentRegExp(segment: string): RegExp {
  let source = "";
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]!;
    if (c === "\\" && i + 1 < segment.length) source += escapeRegExp(segment[++i]!);
    else if (c === "*") source += "[^/]*";
    else if (c === "?") source += "[^/]";
    else if (c === "[") {
      const end = segment.indexOf("]", i + 2);
      if (end < 0) source += "\\[";
      else {
        const body = segment.slice(i + 1, end).replace(/^!/, "^").replace(/\\/g, "\\\\");
        source += `[${body}]`;
        i = end;
      }
    } else source += escapeRegExp(c);
  }
  return new RegExp(`^${source}$`);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/** Matches a pattern against the filesystem; sorted paths shaped like the pattern, or [] if none. */
export function expandGlob(fs: SessionFs, cwd: string, pattern: string): string[] {
  const absolute = pattern.startsWith("/");
  const segments = pattern.split("/").filter((s) => s !== "");
  let matches: { shown: string; real: string }[] = [{ shown: absolute ? "/" : "", real: absolute ? "/" : cwd }];
  for (const segment of segments) {
    const next: { shown: string; real: string }[] = [];
    for (const base of matches) {
      const join = (name: string) => ({ shown: base.shown === "" || base.shown.endsWith("/") ? base.shown + name : `${base.shown}/${name}`, real: resolvePath(base.real, name) });
      if (!hasGlob(segment)) {
        const literal = join(unescapePattern(segment));
        if (fs.stat(literal.real)) next.push(literal);
        continue;
      }
      const regex = segmentRegExp(segment);
      const showHidden = unescapePattern(segment).startsWith(".");
      let children: { name: string }[] = [];
      try {
        children = fs.list(base.real);
      } catch {
        continue;
      }
      for (const { name } of children) if ((showHidden || !name.startsWith(".")) && regex.test(name)) next.push(join(name));
    }
    matches = next;
  }
  return matches.map((m) => m.shown).sort();
}
