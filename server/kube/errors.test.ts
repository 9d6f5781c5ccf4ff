import { describe, expect, test } from "vitest";
import { apiErrorFrom, KubeConnectionError, parseRetryAfter } from "./errors";

describe("apiErrorFrom", () => {
  test("quotes the Status message and names the server", () => {
    const body = JSON.stringify({ kind: "Status", code: 403, reason: "Forbidden", message: 'pods is forbidden: User "x" cannot list resource "pods"' });
    const error = apiErrorFrom("https://k8s:6443", 403, body, {});
    expect(error.message).toBe('the apiserver at https://k8s:6443 answered 403 Forbidden: pods is forbidden: User "x" cannot list resource "pods"; the identity Orrery uses lacks RBAC permission');
    expect(error.reason).toBe("Forbidden");
  });

  test("quotes a non-Status body and keeps Retry-After", () => {
    const error = apiErrorFrom("https://k8s:6443", 503, "<html>busy</html>", { "retry-after": "5" });
    expect(error.message).toContain("answered 503: <html>busy</html>");
    expect(error.retryAfterSeconds).toBe(5);
  });
});

describe("KubeConnectionError", () => {
  test("says the connection was refused and where", () => {
    const error = new KubeConnectionError("https://10.0.0.1:6443", Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }));
    expect(error.message).toBe("cannot reach the apiserver at https://10.0.0.1:6443: connection refused (ECONNREFUSED)");
  });

  test("marks certificate problems as TLS failures", () => {
    const error = new KubeConnectionError("https://k8s", Object.assign(new Error("self-signed certificate"), { code: "DEPTH_ZERO_SELF_SIGNED_CERT" }));
    expect(error.tls).toBe(true);
    expect(error.message).toMatch(/^TLS with the apiserver at https:\/\/k8s failed: self-signed certificate/);
  });

  test("reports an abort caused by a timeout as a timeout", () => {
    const cause = new DOMException("timed out", "TimeoutError");
    const error = new KubeConnectionError("https://k8s", Object.assign(new Error("aborted"), { name: "AbortError", cause }));
    expect(error.code).toBe("ETIMEDOUT");
  });
});

describe("parseRetryAfter", () => {
  test("reads seconds and HTTP dates", () => {
    expect(parseRetryAfter("3")).toBe(3);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 0)).toBe(10);
    expect(parseRetryAfter("soon")).toBeUndefined();
    expect(parseRetryAfter(undefined)).toBeUndefined();
  });
});
