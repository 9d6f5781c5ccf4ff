import { describe, expect, test } from "vitest";
import { parseClientMessage, parseExecQuery } from "./execQuery";

describe("parseExecQuery", () => {
  test("reads the target and the repeated command in order", () => {
    expect(parseExecQuery(new URLSearchParams("namespace=shop&pod=web-1&container=app&command=sh&command=-c&command=echo%20hi"))).toEqual({
      ok: true,
      target: { namespace: "shop", pod: "web-1", container: "app", command: ["sh", "-c", "echo hi"] },
    });
    expect(parseExecQuery(new URLSearchParams("namespace=shop&pod=web-1&container="))).toEqual({ ok: true, target: { namespace: "shop", pod: "web-1", command: [] } });
  });

  test("says which parameter is missing or malformed", () => {
    expect(parseExecQuery(new URLSearchParams("pod=web"))).toEqual({ ok: false, message: "invalid exec request: namespace is missing; expected ?namespace=&pod=[&container=][&command=…]" });
    expect(parseExecQuery(new URLSearchParams("namespace=shop&pod=../secrets"))).toMatchObject({ ok: false, message: expect.stringMatching(/pod must be a pod name/) });
    expect(parseExecQuery(new URLSearchParams("namespace=shop&pod=web&command="))).toMatchObject({ ok: false, message: expect.stringMatching(/a command argument is empty/) });
  });
});

describe("parseClientMessage", () => {
  test("accepts a resize and nothing else", () => {
    expect(parseClientMessage('{"type":"resize","cols":120,"rows":40}')).toEqual({ type: "resize", cols: 120, rows: 40 });
    expect(parseClientMessage('{"type":"resize","cols":0,"rows":40}')).toBeUndefined();
    expect(parseClientMessage('{"type":"stdin","data":"ls"}')).toBeUndefined();
    expect(parseClientMessage("{")).toBeUndefined();
  });
});
