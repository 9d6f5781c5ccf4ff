import type { IncomingHttpHeaders } from "node:http";
import { expect } from "vitest";
import type { KubeRequestInit } from "@/server/kube/connect";
import type { KubeObject } from "@/server/kube/types";
import type { ContractTarget } from "./target";

/** An apiserver answer read to the end and parsed as JSON. */
export interface JsonAnswer<T = Record<string, unknown>> {
  status: number;
  headers: IncomingHttpHeaders;
  body: T;
}

/** A metav1.Status as the apiserver sends it on failures. */
export interface StatusBody {
  kind?: string;
  apiVersion?: string;
  status?: string;
  code?: number;
  reason?: string;
  message?: string;
  details?: { name?: string; kind?: string; causes?: { reason?: string; message?: string; field?: string }[] };
}

export interface ObjectList<T = KubeObject> {
  kind?: string;
  apiVersion?: string;
  metadata: { resourceVersion?: string; continue?: string; remainingItemCount?: number };
  items: T[];
}

/** Path of a namespaced collection or object: "" group is the core API. */
export function resourcePath(group: string, version: string, namespace: string | undefined, plural: string, name?: string, sub?: string): string {
  const base = group === "" ? `/api/${version}` : `/apis/${group}/${version}`;
  const scope = namespace === undefined ? "" : `/namespaces/${encodeURIComponent(namespace)}`;
  return `${base}${scope}/${plural}${name === undefined ? "" : `/${encodeURIComponent(name)}`}${sub === undefined ? "" : `/${sub}`}`;
}

export const corePath = (namespace: string | undefined, plural: string, name?: string, sub?: string) => resourcePath("", "v1", namespace, plural, name, sub);
export const appsPath = (namespace: string, plural: string, name?: string, sub?: string) => resourcePath("apps", "v1", namespace, plural, name, sub);

/** Sends one request through Orrery's connection and parses the answer as JSON, whatever its status. */
export async function call<T = Record<string, unknown>>(target: ContractTarget, path: string, init: KubeRequestInit = {}): Promise<JsonAnswer<T>> {
  const res = await target.connection.request(path, init);
  const text = await res.text();
  let body: T;
  try {
    body = JSON.parse(text) as T;
  } catch {
    throw new Error(`${init.method ?? "GET"} ${path} answered ${res.status} with a body that is not JSON (content-type ${res.headers["content-type"]}): ${text.slice(0, 300)}`);
  }
  return { status: res.status, headers: res.headers, body };
}

/** Like `call`, but a status outside 2xx fails with the apiserver's own words. */
export async function ok<T = Record<string, unknown>>(target: ContractTarget, path: string, init: KubeRequestInit = {}): Promise<T> {
  const answer = await call<T>(target, path, init);
  if (answer.status < 200 || answer.status > 299) {
    throw new Error(`${init.method ?? "GET"} ${path} answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 500)}`);
  }
  return answer.body;
}

/** Asserts the metav1.Status every apiserver failure carries: kind, apiVersion, Failure, code, reason, message. */
export function expectStatus(answer: JsonAnswer<unknown>, code: number, reason: string, message?: string | RegExp): StatusBody {
  const body = answer.body as StatusBody;
  expect({ httpStatus: answer.status, kind: body.kind, apiVersion: body.apiVersion, status: body.status, code: body.code, reason: body.reason })
    .toEqual({ httpStatus: code, kind: "Status", apiVersion: "v1", status: "Failure", code, reason });
  expect(typeof body.message).toBe("string");
  if (typeof message === "string") expect(body.message).toBe(message);
  else if (message) expect(body.message).toMatch(message);
  return body;
}

export const names = (items: readonly { metadata: { name: string } }[]) => items.map((o) => o.metadata.name).sort();
