import { describe, expect, test } from "vitest";
import { parseClientMessage } from "./parseClientMessage";

describe("parseClientMessage", () => {
  test("accepts a subscribe with a namespace", () => {
    expect(parseClientMessage('{"type":"subscribe","id":"a","resource":"pods","namespace":"shop"}')).toEqual({
      ok: true,
      message: { type: "subscribe", id: "a", resource: "pods", namespace: "shop" },
    });
  });

  test("accepts unsubscribe and ping", () => {
    expect(parseClientMessage('{"type":"unsubscribe","id":"a"}').ok).toBe(true);
    expect(parseClientMessage('{"type":"ping"}').ok).toBe(true);
  });

  test("rejects invalid JSON with the parser's reason", () => {
    const parsed = parseClientMessage("{nope");
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(/^message is not valid JSON/);
  });

  test("rejects a message that is not an object", () => {
    const parsed = parseClientMessage("[1,2]");
    expect(parsed).toMatchObject({ ok: false, error: expect.stringMatching(/must be a JSON object/) });
  });

  test("names the unknown type and the known ones", () => {
    expect(parseClientMessage('{"type":"hello","id":"x"}')).toEqual({
      ok: false,
      id: "x",
      error: 'unknown message type "hello"; expected one of subscribe, unsubscribe, ping',
    });
  });

  test("refuses secrets as an unknown resource", () => {
    const parsed = parseClientMessage('{"type":"subscribe","id":"s","resource":"secrets"}');
    expect(parsed).toMatchObject({ ok: false, id: "s", error: expect.stringMatching(/^unknown resource "secrets"; expected one of pods, nodes/) });
  });

  test("points at the invalid field", () => {
    const parsed = parseClientMessage('{"type":"subscribe","id":"s","resource":"pods","namespace":"Bad_NS"}');
    expect(parsed).toMatchObject({ ok: false, error: expect.stringMatching(/^invalid subscribe message: "namespace" must be a namespace name/) });
  });

  test("rejects a subscribe without an id", () => {
    const parsed = parseClientMessage('{"type":"subscribe","resource":"pods"}');
    expect(parsed).toMatchObject({ ok: false, error: expect.stringMatching(/"id"/) });
  });

  test("accepts a usage subscribe for the lists, with or without a namespace", () => {
    expect(parseClientMessage('{"type":"subscribe","id":"u","resource":"usage","namespace":"shop"}')).toEqual({ ok: true, message: { type: "subscribe", id: "u", resource: "usage", namespace: "shop" } });
    expect(parseClientMessage('{"type":"subscribe","id":"u","resource":"usage"}').ok).toBe(true);
    expect(parseClientMessage('{"type":"subscribe","id":"u","resource":"usage","namespace":"Bad_NS"}')).toMatchObject({ ok: false, error: expect.stringMatching(/"namespace" must be a namespace name/) });
  });

  test("accepts a topology subscribe and points at its invalid fields", () => {
    const raw = '{"type":"subscribe","id":"m","resource":"topology","view":"pods","namespaces":["shop"],"expand":["group:namespace:shop"]}';
    expect(parseClientMessage(raw)).toEqual({ ok: true, message: JSON.parse(raw) });
    const badNs = parseClientMessage('{"type":"subscribe","id":"m","resource":"topology","view":"pods","namespaces":["Bad_NS"]}');
    expect(badNs).toMatchObject({ ok: false, id: "m", error: expect.stringMatching(/^invalid subscribe message: "namespaces.0" must be a namespace name/) });
    const noView = parseClientMessage('{"type":"subscribe","id":"m","resource":"topology"}');
    expect(noView).toMatchObject({ ok: false, error: expect.stringMatching(/"view"/) });
  });
});
