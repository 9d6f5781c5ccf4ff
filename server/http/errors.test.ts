import { describe, expect, test, vi } from "vitest";
import { z } from "zod";
import { KubeApiError, KubeConnectionError } from "../kube/errors";
import { log } from "../log";
import { ApiError, toErrorResponse } from "./errors";

async function answer(error: unknown) {
  const response = toErrorResponse(error);
  return { status: response.status, body: (await response.json()) as { error: { code: string; message: string } }, headers: response.headers };
}

describe("toErrorResponse", () => {
  test("answers an ApiError with its status, code and message", async () => {
    const { status, body, headers } = await answer(new ApiError(409, "conflict", "the object changed; reload and try again", { "Retry-After": "2" }));
    expect(status).toBe(409);
    expect(body).toEqual({ error: { code: "conflict", message: "the object changed; reload and try again" } });
    expect(headers.get("retry-after")).toBe("2");
    expect(headers.get("cache-control")).toBe("no-store");
  });

  test("maps a Kubernetes Status error to the same status and its message", async () => {
    const forbidden = new KubeApiError("https://k8s:6443", 403, "Forbidden", 'pods is forbidden: User "bob" cannot list resource "pods" in namespace "kube-system"');
    const { status, body } = await answer(forbidden);
    expect(status).toBe(403);
    expect(body.error).toEqual({ code: "forbidden", message: 'pods is forbidden: User "bob" cannot list resource "pods" in namespace "kube-system"' });
    const tooMany = await answer(new KubeApiError("https://k8s:6443", 429, "TooManyRequests", "Cannot evict pod", 7));
    expect(tooMany.status).toBe(429);
    expect(tooMany.body.error.code).toBe("too_many_requests");
    expect(tooMany.headers.get("retry-after")).toBe("7");
  });

  test("maps a client-node ApiException carrying a Status body", async () => {
    const exception = Object.assign(new Error("HTTP-Code: 404"), { code: 404, body: JSON.stringify({ kind: "Status", reason: "NotFound", message: 'pods "x" not found' }) });
    const { status, body } = await answer(exception);
    expect(status).toBe(404);
    expect(body.error).toEqual({ code: "not_found", message: 'pods "x" not found' });
  });

  test("answers an unreachable apiserver with 502 and no address", async () => {
    vi.spyOn(log, "warn").mockImplementation(() => undefined);
    const { status, body } = await answer(new KubeConnectionError("https://10.0.0.1:6443", Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" })));
    expect(status).toBe(502);
    expect(body.error.message).not.toContain("10.0.0.1");
  });

  test("answers invalid input with 400 naming the field", async () => {
    const parsed = z.object({ replicas: z.number() }).safeParse({ replicas: "x" });
    const { status, body } = await answer(parsed.error);
    expect(status).toBe(400);
    expect(body.error.message).toMatch(/^invalid request: replicas:/);
  });

  test("logs an unexpected error and answers 500 without internals", async () => {
    const logged = vi.spyOn(log, "error").mockImplementation(() => undefined);
    const { status, body } = await answer(new TypeError("Cannot read properties of undefined (reading 'secretToken') at /app/server/x.ts:12"));
    expect(status).toBe(500);
    expect(body.error.code).toBe("internal");
    expect(body.error.message).not.toMatch(/secretToken|x\.ts/);
    expect(logged).toHaveBeenCalledOnce();
    logged.mockRestore();
  });
});
