import type { IncomingMessage } from "node:http";
import { describe, expect, test } from "vitest";
import { applyRequestFaults } from "./faults";

const request = (contentType?: string) => ({ headers: contentType ? { "content-type": contentType } : {} }) as IncomingMessage;

describe("applyRequestFaults", () => {
  test("changes nothing without faults", () => {
    const url = new URL("http://demo/api/v1/pods?labelSelector=app%3Dweb&tailLines=2");
    const req = request("application/strategic-merge-patch+json");
    applyRequestFaults(req, url, undefined);
    applyRequestFaults(req, url, {});
    expect(url.search).toBe("?labelSelector=app%3Dweb&tailLines=2");
    expect(req.headers["content-type"]).toBe("application/strategic-merge-patch+json");
  });

  test("drops exactly the parameters whose faults are on", () => {
    const url = new URL("http://demo/api/v1/pods?labelSelector=a%3Db&fieldSelector=x%3Dy&continue=t&allowWatchBookmarks=true&tailLines=2");
    applyRequestFaults(request(), url, { ignoreLabelSelector: true, logIgnoresTailLines: true });
    expect([...url.searchParams.keys()]).toEqual(["fieldSelector", "continue", "allowWatchBookmarks"]);
  });

  test("reads a strategic merge patch as a JSON merge patch", () => {
    const req = request("application/strategic-merge-patch+json");
    applyRequestFaults(req, new URL("http://demo/"), { strategicPatchAsMerge: true });
    expect(req.headers["content-type"]).toBe("application/merge-patch+json");
  });
});
