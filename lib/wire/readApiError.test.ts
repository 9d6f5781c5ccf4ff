import { describe, expect, test, vi } from "vitest";
import { z } from "zod";
import { statusBody } from "@/server/demo-cluster/http/status";
import { ApiError, errorResponse, toErrorResponse } from "@/server/http/errors";
import { KubeApiError, KubeConnectionError } from "@/server/kube/errors";
import { log } from "@/server/log";
import { ApiRequestError, readApiError, readApiJson } from "./readApiError";

const read = async (response: Response) => {
  const error = await readApiError(response);
  return { status: error.status, code: error.code, message: error.message };
};

describe("readApiError", () => {
  test("reads Orrery's own refusals as the server worded them", async () => {
    expect(await read(toErrorResponse(ApiError.forbidden("this login is read-only: it cannot change anything")))).toEqual({ status: 403, code: "forbidden", message: "this login is read-only: it cannot change anything" });
    expect(await read(errorResponse(429, "too_many_requests", "too many sign-in attempts; wait a minute"))).toEqual({ status: 429, code: "too_many_requests", message: "too many sign-in attempts; wait a minute" });
  });

  test("reads a request the server's validation refused", async () => {
    const invalid = z.object({ replicas: z.number() }).safeParse({ replicas: "3" });
    expect(await read(toErrorResponse(invalid.error))).toEqual({ status: 400, code: "bad_request", message: expect.stringMatching(/^invalid request: replicas: /) });
  });

  test("reads the apiserver's refusal as the server maps it, and an unreachable apiserver", async () => {
    const forbidden = new KubeApiError("https://k8s:6443", 403, "Forbidden", 'pods is forbidden: User "bob" cannot list resource "pods" in namespace "kube-system"');
    expect(await read(toErrorResponse(forbidden))).toEqual({ status: 403, code: "forbidden", message: 'pods is forbidden: User "bob" cannot list resource "pods" in namespace "kube-system"' });
    vi.spyOn(log, "warn").mockImplementation(() => undefined);
    const unreachable = await read(toErrorResponse(new KubeConnectionError("https://k8s:6443", Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }))));
    expect(unreachable).toEqual({ status: 502, code: "bad_gateway", message: "the Kubernetes API server could not be reached; try again shortly" });
    vi.restoreAllMocks();
  });

  test("reads an unexpected server failure with its incident number", async () => {
    vi.spyOn(log, "error").mockImplementation(() => undefined);
    const failure = await read(toErrorResponse(new Error("secret detail")));
    vi.restoreAllMocks();
    expect(failure).toEqual({ status: 500, code: "internal", message: expect.stringMatching(/^internal error \(incident [0-9a-f-]{36}\); the server log has the details$/) });
  });

  test("reads a Kubernetes Status passed through unchanged", async () => {
    const status = statusBody(404, "NotFound", 'pods "web-1" not found', { name: "web-1", kind: "pods" });
    expect(await read(Response.json(status, { status: 404 }))).toEqual({ status: 404, code: "not_found", message: 'pods "web-1" not found' });
    expect(await read(Response.json({ ...status, message: "" }, { status: 404 }))).toMatchObject({ message: "the Kubernetes API answered 404 NotFound" });
  });

  test("names the status of a proxy's HTML page, an empty answer and plain text", async () => {
    const html = new Response("<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>", { status: 502, statusText: "Bad Gateway", headers: { "content-type": "text/html" } });
    expect(await read(html)).toEqual({ status: 502, code: "bad_gateway", message: 'the server answered 502 Bad Gateway with a web page ("502 Bad Gateway") instead of Orrery\'s answer; Orrery, or a proxy in front of it, is not answering: try again shortly' });
    // HTTP/2 has no reason phrase: the status still gets its name.
    expect((await read(new Response(null, { status: 504 }))).message).toBe("the server answered 504 Gateway Timeout without saying why; the request took too long, try again");
    expect((await read(new Response("upstream connect error or disconnect/reset before headers\n", { status: 503 }))).message).toBe('the server answered 503 Service Unavailable: "upstream connect error or disconnect/reset before headers"; Orrery, or a proxy in front of it, is not answering: try again shortly');
  });

  test("reads another server's {message} or {error: string}", async () => {
    expect(await read(Response.json({ message: "login is off (--auth none)" }, { status: 404 }))).toEqual({ status: 404, code: "not_found", message: "login is off (--auth none)" });
    expect((await read(Response.json({ error: "invalid_grant" }, { status: 400 }))).message).toBe("invalid_grant");
  });

  test("never shows [object Object] for a JSON body it does not know", async () => {
    const odd = await read(Response.json({ error: { detail: "x" } }, { status: 500 }));
    expect(odd.message).toBe('the server answered 500 Internal Server Error: "{"error":{"detail":"x"}}"');
  });
});

describe("readApiJson", () => {
  test("returns the JSON of a success and throws the reader's error for a failure", async () => {
    expect(await readApiJson(Response.json({ tokens: [] }))).toEqual({ tokens: [] });
    await expect(readApiJson(toErrorResponse(ApiError.notFound("embed token \"x\" not found")))).rejects.toEqual(new ApiRequestError(404, "not_found", 'embed token "x" not found'));
  });

  test("a 200 that is not JSON (a proxy's sign-in page) is an error, not a parse failure", async () => {
    const signIn = new Response("<!doctype html><title>Sign in</title>", { status: 200, headers: { "content-type": "text/html" } });
    await expect(readApiJson(signIn)).rejects.toThrow("the server answered 200 with a web page instead of Orrery's answer; a proxy in front of Orrery may want you to sign in, or reload the page");
  });
});
