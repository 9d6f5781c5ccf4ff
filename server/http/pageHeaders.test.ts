import { describe, expect, test } from "vitest";
import { pageRequestHeaders, REQUEST_PATH_HEADER } from "./pageHeaders";

const settings = { dev: false, frameAncestors: ["https://portal.example"], basePath: "/orrery", oidcIssuer: "https://idp.example/realms/x" };

describe("pageRequestHeaders", () => {
  test("puts the nonce in the request's CSP for Next and in the response", () => {
    const { request, response } = pageRequestHeaders(new URL("http://h/orrery/pods"), new Headers({ host: "h" }), settings, "N1");
    expect(request.get("content-security-policy")).toContain("'nonce-N1'");
    expect(request.get("x-nonce")).toBe("N1");
    expect(response["Content-Security-Policy"]).toBe(request.get("content-security-policy"));
    expect(response["Content-Security-Policy"]).toContain("form-action 'self' https://idp.example");
  });

  test("replaces a nonce, CSP or request path a client sent", () => {
    const forged = new Headers({ host: "h", "x-nonce": "mine", "content-security-policy": "script-src *", [REQUEST_PATH_HEADER]: "/nodes" });
    const { request } = pageRequestHeaders(new URL("http://h/orrery/pods?ns=shop&embed=t"), forged, settings, "N2");
    expect(request.get("x-nonce")).toBe("N2");
    expect(request.get("content-security-policy")).not.toContain("script-src *");
    expect(request.get(REQUEST_PATH_HEADER)).toBe("/pods?ns=shop&embed=t");
  });

  test("lets only embedded views be framed", () => {
    expect(pageRequestHeaders(new URL("http://h/orrery/pods?embed=t"), new Headers(), settings).response["X-Frame-Options"]).toBeUndefined();
    expect(pageRequestHeaders(new URL("http://h/orrery/pods"), new Headers(), settings).response["X-Frame-Options"]).toBe("DENY");
  });
});
