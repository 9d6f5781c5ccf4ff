import { describe, expect, test } from "vitest";
import type { StoreEvent } from "../store";
import { objectMatcher } from "./listPage";
import { parseLabelSelector } from "./labelSelector";
import { pod } from "./testing/fixtures";
import { scopedMatcher, visibleChange } from "./watchFilter";

const web = objectMatcher(parseLabelSelector("app=web"), []);
const labelled = (app: string) => pod("p", { labels: { app } });
const modified = (before: string, after: string): StoreEvent => ({ type: "MODIFIED", resource: "pods", rv: 5, object: labelled(after), previous: labelled(before) });

describe("visibleChange", () => {
  test("a modification that keeps matching stays MODIFIED", () => {
    expect(visibleChange(modified("web", "web"), web)?.type).toBe("MODIFIED");
  });

  test("an object that starts matching arrives as ADDED, one that stops as DELETED with its new state", () => {
    expect(visibleChange(modified("api", "web"), web)?.type).toBe("ADDED");
    const gone = visibleChange(modified("web", "api"), web);
    expect(gone?.type).toBe("DELETED");
    expect(gone?.object.metadata.labels).toEqual({ app: "api" });
  });

  test("changes that never match are not sent", () => {
    expect(visibleChange(modified("api", "db"), web)).toBeUndefined();
    expect(visibleChange({ type: "ADDED", resource: "pods", rv: 1, object: labelled("api") }, web)).toBeUndefined();
    expect(visibleChange({ type: "DELETED", resource: "pods", rv: 1, object: labelled("web") }, web)?.type).toBe("DELETED");
  });

  test("scopes to a namespace", () => {
    const inDev = scopedMatcher("dev", objectMatcher([], []));
    expect(inDev(pod("a", { namespace: "dev" }))).toBe(true);
    expect(inDev(pod("a", { namespace: "prod" }))).toBe(false);
  });
});
