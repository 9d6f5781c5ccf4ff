import { describe, expect, test } from "vitest";
import { searchFieldHelp, searchMetricHelp, searchSyntaxHelp } from "./help";
import { parseSearch } from "./parse";
import { fieldAliases, metricAliases } from "./vocabulary";

function documentedNames(entries: typeof searchFieldHelp): Set<string> {
  return new Set(entries.flatMap((entry) => [entry.name, ...entry.aliases]));
}

describe("search help", () => {
  test("documents every field name and alias the parser accepts", () => {
    const documented = documentedNames(searchFieldHelp);
    expect(Object.keys(fieldAliases).filter((name) => !documented.has(name))).toEqual([]);
  });

  test("documents every metric name and alias the parser accepts", () => {
    const documented = documentedNames(searchMetricHelp);
    expect(Object.keys(metricAliases).filter((name) => !documented.has(name))).toEqual([]);
  });

  test("documents nothing the parser rejects", () => {
    for (const entry of searchFieldHelp) {
      for (const name of [entry.name, ...entry.aliases]) expect(Object.keys(fieldAliases)).toContain(name);
    }
    for (const entry of searchMetricHelp) {
      for (const name of [entry.name, ...entry.aliases]) expect(Object.keys(metricAliases)).toContain(name);
    }
  });

  test.each([...searchFieldHelp, ...searchMetricHelp, ...searchSyntaxHelp].flatMap((entry) => entry.examples))(
    "example %j parses",
    (example) => {
      const result = parseSearch(example);
      expect(result.ok ? "ok" : result.error.message).toBe("ok");
    },
  );
});
