import { describe, expect, test } from "vitest";
import { decodeContinue, encodeContinue } from "./continueToken";
import { objectMatcher, selectPage } from "./listPage";
import { parseLabelSelector } from "./labelSelector";
import { pod } from "./testing/fixtures";

const everything = objectMatcher([], []);
const pods = ["b/web-2", "a/web-1", "b/api-1", "a/api-9", "c/db-0"].map((key) => {
  const [namespace, name] = key.split("/") as [string, string];
  return pod(name, { namespace, labels: { app: name.split("-")[0]! } });
});
const keys = (items: { metadata: { namespace?: string; name: string } }[]) => items.map((o) => `${o.metadata.namespace}/${o.metadata.name}`);

describe("continue tokens", () => {
  test("round-trip in kube-apiserver's envelope", () => {
    const text = encodeContinue({ rv: 42, after: "default/web" });
    expect(JSON.parse(Buffer.from(text, "base64").toString())).toEqual({ v: "meta.k8s.io/v1", rv: 42, start: "default/web\u0000" });
    expect(decodeContinue(text)).toEqual({ rv: 42, after: "default/web" });
  });

  test("reject garbage with 400", () => {
    expect(() => decodeContinue("not-a-token")).toThrowError(expect.objectContaining({ code: 400 }));
    expect(() => decodeContinue(Buffer.from(JSON.stringify({ v: "x", rv: 1, start: "a\u0000" })).toString("base64"))).toThrowError(/continue key is not valid/);
  });
});

describe("selectPage", () => {
  test("returns everything in namespace/name order without a limit", () => {
    const page = selectPage(pods, { matches: everything, filtered: false, limit: 0, listRV: 10 });
    expect(keys(page.items)).toEqual(["a/api-9", "a/web-1", "b/api-1", "b/web-2", "c/db-0"]);
    expect(page.continueToken).toBeUndefined();
  });

  test("walks pages with continue tokens, each page resuming after the last key", () => {
    const first = selectPage(pods, { matches: everything, filtered: false, limit: 2, listRV: 10 });
    expect(keys(first.items)).toEqual(["a/api-9", "a/web-1"]);
    expect(first.remainingItemCount).toBe(3);
    const second = selectPage(pods, { matches: everything, filtered: false, limit: 2, listRV: 10, continueFrom: decodeContinue(first.continueToken!) });
    expect(keys(second.items)).toEqual(["b/api-1", "b/web-2"]);
    const third = selectPage(pods, { matches: everything, filtered: false, limit: 2, listRV: 10, continueFrom: decodeContinue(second.continueToken!) });
    expect(keys(third.items)).toEqual(["c/db-0"]);
    expect(third.continueToken).toBeUndefined();
    expect(decodeContinue(first.continueToken!).rv).toBe(10);
  });

  test("a page that is full but has no further matches carries no token; selectors hide the remaining count", () => {
    const web = objectMatcher(parseLabelSelector("app=web"), []);
    const page = selectPage(pods, { matches: web, filtered: true, limit: 2, listRV: 10 });
    expect(keys(page.items)).toEqual(["a/web-1", "b/web-2"]);
    expect(page.continueToken).toBeUndefined();
    const first = selectPage(pods, { matches: web, filtered: true, limit: 1, listRV: 10 });
    expect(first.continueToken).toBeDefined();
    expect(first.remainingItemCount).toBeUndefined();
  });

  test("survives objects deleted between pages", () => {
    const first = selectPage(pods, { matches: everything, filtered: false, limit: 2, listRV: 10 });
    const remaining = pods.filter((p) => p.metadata.name !== "web-1" && p.metadata.name !== "api-1");
    const second = selectPage(remaining, { matches: everything, filtered: false, limit: 2, listRV: 10, continueFrom: decodeContinue(first.continueToken!) });
    expect(keys(second.items)).toEqual(["b/web-2", "c/db-0"]);
  });
});
