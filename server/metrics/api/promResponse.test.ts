import { describe, expect, test } from "vitest";
import { PromQLError } from "../promql/values";
import { promQLErrorOf } from "./promResponse";

describe("promQLErrorOf", () => {
  test("recognises a PromQLError made by another bundle's copy of the class", () => {
    class OtherCopy extends Error {
      constructor(readonly type: string, message: string, readonly position?: { start: number; end: number }) {
        super(message);
        this.name = "PromQLError";
      }
    }
    const found = promQLErrorOf(new OtherCopy("bad_data", "1:5: parse error: unexpected end of input", { start: 4, end: 4 }));
    expect(found).toBeInstanceOf(PromQLError);
    expect(found).toMatchObject({ type: "bad_data", message: "1:5: parse error: unexpected end of input", position: { start: 4, end: 4 } });
  });

  test("ignores other errors and unknown types", () => {
    expect(promQLErrorOf(new TypeError("x"))).toBeUndefined();
    expect(promQLErrorOf(Object.assign(new Error("x"), { name: "PromQLError", type: "weird" }))).toBeUndefined();
  });
});
