import { describe, expect, test } from "vitest";
import type { LabelMatcher } from "../storage";
import { createApiHarness } from "./testing/apiHarness";

const series: Record<string, string>[] = [
  { __name__: "kube_pod_info", namespace: "shop", pod: "cart-1" },
  { __name__: "kube_pod_info", namespace: "bank", pod: "vault-1" },
  { __name__: "kube_node_info", node: "n1" },
  { __name__: "bank_secret_total", namespace: "bank", account: "42" },
];
const shopOnly: LabelMatcher[] = [{ type: "=~", name: "namespace", value: "shop" }];

describe("series", () => {
  test("answers the union of every match[] as label records, sorted", async () => {
    const { call } = createApiHarness({ series });
    const answer = await call("series", { "match[]": ["kube_pod_info", "kube_node_info"] });
    expect(answer.body).toEqual({
      status: "success",
      data: [
        { __name__: "kube_node_info", node: "n1" },
        { __name__: "kube_pod_info", namespace: "bank", pod: "vault-1" },
        { __name__: "kube_pod_info", namespace: "shop", pod: "cart-1" },
      ],
    });
  });

  test("needs a match[] and refuses a bad one in Prometheus's words", async () => {
    const { call } = createApiHarness({ series });
    expect((await call("series")).body).toEqual({ status: "error", errorType: "bad_data", error: "no match[] parameter provided" });
    expect((await call("series", { "match[]": "{{" })).body).toMatchObject({ errorType: "bad_data", error: expect.stringMatching(/^invalid parameter "match\[\]": 1:1: parse error/) });
  });

  test("limit truncates with a warning", async () => {
    const { call } = createApiHarness({ series });
    expect((await call("series", { "match[]": "kube_pod_info", limit: "1" }, { method: "POST" })).body).toMatchObject({ data: [{ namespace: "bank" }], warnings: ["results truncated due to limit"] });
  });

  test("a reader limited to one namespace cannot reach another's series by name, label or regex", async () => {
    const { call } = createApiHarness({ series, scope: shopOnly });
    for (const match of ['kube_pod_info{namespace="bank"}', '{namespace=~".+"}', '{__name__=~".+"}', "bank_secret_total"]) {
      const answer = await call("series", { "match[]": match });
      expect(JSON.stringify(answer.body)).not.toMatch(/bank|vault|n1/);
    }
  });
});

describe("labels and label values", () => {
  test("list names and values of every series for a reader who sees all", async () => {
    const { call } = createApiHarness({ series });
    expect((await call("labels")).body).toEqual({ status: "success", data: ["__name__", "account", "namespace", "node", "pod"] });
    expect((await call("label/namespace/values")).body).toEqual({ status: "success", data: ["bank", "shop"] });
    expect((await call("label/pod/values", { "match[]": '{namespace="shop"}' })).body).toEqual({ status: "success", data: ["cart-1"] });
  });

  test("a reader limited to one namespace learns no other namespace, label or metric name", async () => {
    const { call } = createApiHarness({ series, scope: shopOnly, metadata: { bank_secret_total: [{ type: "counter", help: "secret", unit: "" }] } });
    expect((await call("label/namespace/values")).body).toEqual({ status: "success", data: ["shop"] });
    expect((await call("label/__name__/values", { "match[]": '{namespace="bank"}' })).body).toEqual({ status: "success", data: [] });
    expect((await call("labels")).body).toEqual({ status: "success", data: ["__name__", "namespace", "pod"] });
    expect((await call("metadata")).body).toEqual({ status: "success", data: {} });
  });

  test("start after end is refused", async () => {
    const { call } = createApiHarness({ series });
    expect((await call("labels", { start: "10", end: "1" })).body).toMatchObject({ error: 'invalid parameter "end": end timestamp must not be before start time' });
  });
});

describe("metadata", () => {
  test("answers type, help and unit per metric with limits", async () => {
    const { call } = createApiHarness({
      metadata: {
        up: [{ type: "gauge", help: "1 if up", unit: "" }],
        http_requests_total: [{ type: "counter", help: "a", unit: "" }, { type: "counter", help: "b", unit: "" }],
      },
    });
    expect((await call("metadata", { metric: "up" })).body).toEqual({ status: "success", data: { up: [{ type: "gauge", help: "1 if up", unit: "" }] } });
    expect(Object.keys((await call("metadata", { limit: "1" })).body.data as object)).toHaveLength(1);
    expect(((await call("metadata", { limit_per_metric: "1" })).body.data as Record<string, unknown[]>).http_requests_total).toHaveLength(1);
    expect((await call("metadata", { limit: "x" })).body).toMatchObject({ errorType: "bad_data", error: "limit must be a number" });
  });
});
