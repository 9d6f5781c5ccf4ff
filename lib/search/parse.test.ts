import { describe, expect, test } from "vitest";
import type { SearchTerm } from "./ast";
import { parseSearch } from "./parse";

function termsOf(text: string): SearchTerm[] {
  const result = parseSearch(text);
  if (!result.ok) throw new Error(`expected "${text}" to parse: ${result.error.message}`);
  return result.query.terms;
}

const Mi = 2 ** 20;

describe("parseSearch", () => {
  test.each<[string, object[]]>([
    ["redis", [{ type: "text", negated: false, matcher: { mode: "contains", value: "redis" }, span: { start: 0, end: 5 } }]],
    ["  web   cache ", [{ matcher: { value: "web" }, span: { start: 2, end: 5 } }, { matcher: { value: "cache" } }]],
    ['"my pod"', [{ type: "text", matcher: { mode: "contains", value: "my pod" } }]],
    ['"say \\"hi\\""', [{ matcher: { value: 'say "hi"' } }]],
    ["ns:shop", [{ type: "field", field: "namespace", matcher: { mode: "equals", value: "shop" } }]],
    ["namespace:shop", [{ type: "field", field: "namespace" }]],
    ["NS:shop", [{ type: "field", field: "namespace" }]],
    ["-ns:kube-system", [{ type: "field", negated: true, matcher: { value: "kube-system" }, span: { start: 0, end: 15 } }]],
    ["!ns:kube-system", [{ type: "field", negated: true }]],
    ["node:worker-1", [{ type: "field", field: "node", matcher: { mode: "equals", value: "worker-1" } }]],
    ["host:worker-1", [{ type: "field", field: "node" }]],
    ["image:nginx:1.25", [{ type: "field", field: "image", matcher: { mode: "contains", value: "nginx:1.25" } }]],
    ['name:"my pod"', [{ type: "field", field: "name", matcher: { mode: "contains", value: "my pod" } }]],
    ["kind:pod", [{ type: "kind", kind: "Pod" }]],
    ["kind:Deployment", [{ type: "kind", kind: "Deployment" }]],
    ["kind:svc", [{ type: "kind", kind: "Service" }]],
    ["status:CrashLoopBackOff", [{ type: "status", status: "crashlooping" }]],
    ["label:app=redis", [{ type: "label", key: "app", value: "redis" }]],
    ["label:app", [{ type: "label", key: "app" }]],
    ["label:a=b=c", [{ type: "label", key: "a", value: "b=c" }]],
    ['label:"team=data platform"', [{ type: "label", key: "team", value: "data platform" }]],
    ["cpu > 250m", [{ type: "metric", metric: "cpu", comparison: ">", value: 250, span: { start: 0, end: 10 } }]],
    ["cpu>1.5", [{ type: "metric", metric: "cpu", comparison: ">", value: 1500 }]],
    ["cpu <= 333m", [{ comparison: "<=", value: 333 }]],
    ["memory > 100Mi", [{ type: "metric", metric: "memory", comparison: ">", value: 100 * Mi }]],
    ["memory>100M", [{ metric: "memory", value: 100 * Mi }]],
    ["mem < 1G", [{ metric: "memory", comparison: "<", value: 2 ** 30 }]],
    ["restarts >= 3", [{ type: "metric", metric: "restarts", comparison: ">=", value: 3 }]],
    ["restarts=0", [{ comparison: "=", value: 0 }]],
    ["-restarts > 0", [{ type: "metric", negated: true }]],
    ["ns:shop cpu > 1 redis", [{ type: "field" }, { type: "metric", value: 1000 }, { type: "text" }]],
    ["a-b", [{ type: "text", negated: false, matcher: { value: "a-b" } }]],
    ['foo"bar', [{ type: "text", matcher: { value: 'foo"bar' } }]],
    ["", []],
  ])("%j parses", (text, expected) => {
    expect(termsOf(text)).toMatchObject(expected);
  });

  test("reads a /regex/ with the i flag as a case-insensitive pattern", () => {
    const [term] = termsOf("/^Redis-\\d+$/i");
    expect(term).toMatchObject({ type: "text", matcher: { mode: "regex" } });
    const regex = term?.type === "text" && term.matcher.mode === "regex" ? term.matcher.regex : undefined;
    expect(regex?.source).toBe("^Redis-\\d+$");
    expect(regex?.flags).toBe("i");
  });

  test("keeps an escaped slash inside a regex", () => {
    const [term] = termsOf("image:/library\\/nginx/");
    expect(term).toMatchObject({ type: "field", field: "image", matcher: { mode: "regex" } });
    expect(term?.type === "field" && term.matcher.mode === "regex" && term.matcher.regex.test("docker.io/library/nginx")).toBe(true);
  });

  test.each<[string, number, string]>([
    ["cpu >", 5, "expected a number after '>' at 1:6"],
    ["ns:a cpu > x", 11, "expected a number after '>', found 'x' at 1:12"],
    ["nss:x", 0, "unknown field 'nss' at 1:1; fields: ns, kind, node, status, label, image, name"],
    ["cpuu > 1", 0, "unknown metric 'cpuu' at 1:1; metrics: cpu, memory, restarts"],
    ["app=redis", 0, "unknown metric 'app' at 1:1; metrics: cpu, memory, restarts; for a label write label:app=…"],
    ["cpu => 1", 4, "unknown comparison '=>' at 1:5"],
    ["> 3", 0, "expected a metric name before '>' at 1:1"],
    ["ns:", 3, "expected a value after 'ns:' at 1:4"],
    ["ns: shop", 3, "expected a value after 'ns:' at 1:4"],
    [":x", 0, "expected a field name before ':' at 1:1"],
    ["a -", 2, "expected a term after '-' at 1:3"],
    ["kind:deploymnt", 5, "unknown kind 'deploymnt' at 1:6"],
    ["status:borked", 7, "unknown status 'borked' at 1:8"],
    ["label:=x", 6, "expected a label key before '=' at 1:7"],
    ["kind:/po/", 5, "kind: takes a name, not a regex at 1:6"],
    ['x "open', 2, "unterminated quote at 1:3"],
    ["/abc", 0, "unterminated regex at 1:1"],
    ["//", 0, "empty regex at 1:1"],
    ["/a/g", 3, "unknown regex flag 'g' at 1:4; only i (ignore case) is allowed"],
    ["/a/ii", 4, "unknown regex flag 'i' at 1:5"],
    ["/(/", 0, "invalid regex at 1:1"],
    ['"a"b', 3, "expected a space after the closing quote at 1:4"],
    ['""', 0, "empty quotes at 1:1"],
    ["memory > 100X", 9, "unknown memory unit 'X' in '100X' at 1:10"],
    ["memory > 100mib", 9, "unknown memory unit 'mib'"],
    ["cpu > 50%", 6, "percentages are not supported ('50%') at 1:7; use cores (0.5) or millicores (500m)"],
    ["restarts > 1.5", 11, "'1.5' is not a restart count at 1:12"],
  ])("%j fails at %i", (text, position, message) => {
    const result = parseSearch(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.position).toBe(position);
    expect(result.error.message).toContain(message);
    expect(result.error.length).toBeGreaterThanOrEqual(1);
  });

  test("points at the whole unknown field name so the UI can underline it", () => {
    const result = parseSearch("kind:pod namespce:shop");
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ position: 9, length: 8 }) });
  });
});
