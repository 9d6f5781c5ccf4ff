import { describe, expect, test } from "vitest";
import { parseExpr } from "./parseExpr";
import { prettyExpr } from "./prettyExpr";

describe("prettyExpr", () => {
  test("keeps a short expression on one line", () => {
    expect(prettyExpr(parseExpr("sum by(job)(rate(foo[5m]))"))).toBe("sum by (job) (rate(foo[5m]))");
  });

  test("splits a long binary expression around its operator", () => {
    const lhs = `sum by (namespace) (rate(container_cpu_usage_seconds_total{container!="",namespace="kube-system"}[5m]))`;
    const query = `${lhs} / on (namespace) group_left () sum by (namespace) (kube_pod_container_resource_requests{resource="cpu"})`;
    expect(prettyExpr(parseExpr(query))).toBe(
      [
        "  sum by (namespace) (",
        '    rate(container_cpu_usage_seconds_total{container!="",namespace="kube-system"}[5m])',
        "  )",
        "/ on (namespace) group_left ()",
        '  sum by (namespace) (kube_pod_container_resource_requests{resource="cpu"})',
      ].join("\n"),
    );
  });

  test("prints a split expression that parses back to the same text", () => {
    const query = `label_replace(sum by (pod, namespace) (rate(container_cpu_usage_seconds_total{container!="", image!=""}[5m])), "x", "$1", "pod", "(.*)")`;
    const pretty = prettyExpr(parseExpr(query));
    expect(pretty).toContain("\n");
    expect(prettyExpr(parseExpr(pretty))).toBe(pretty);
  });
});
