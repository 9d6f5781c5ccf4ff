import { describe, expect, test } from "vitest";
import { checkAnnotations, checkFailure } from "./checkExpectations";
import { parseScript } from "./parseScript";
import type { EvalCommand } from "./scriptTypes";

function evalOf(text: string): EvalCommand {
  return parseScript(text).commands[0] as EvalCommand;
}

const WARNING = "PromQL warning: encountered a mix of histograms and floats for aggregation (1:5)";

describe("checkAnnotations", () => {
  test("ignores annotations when no expect line names their type", () => {
    expect(checkAnnotations(evalOf("eval instant at 0 m\n"), [WARNING], ["PromQL info: x"])).toBeNull();
  });

  test("needs every expect warn line matched and every warning expected", () => {
    const cmd = evalOf(`eval instant at 0 m\n  expect warn msg: ${WARNING}\n`);
    expect(checkAnnotations(cmd, [WARNING], [])).toBeNull();
    expect(checkAnnotations(cmd, [], [])).toMatch(/expected warn annotations but none were found/);
    expect(checkAnnotations(cmd, [WARNING, "PromQL warning: other (1:1)"], [])).toMatch(/unexpected warn annotation/);
  });

  test("no_info and no_warn forbid their type", () => {
    const cmd = evalOf("eval instant at 0 m\n  expect no_info\n  expect no_warn\n");
    expect(checkAnnotations(cmd, [], [])).toBeNull();
    expect(checkAnnotations(cmd, [], ["PromQL info: x"])).toMatch(/unexpected info annotations/);
  });

  test("eval_warn needs at least one warning", () => {
    expect(checkAnnotations(evalOf("eval_warn instant at 0 m\n"), [], [])).toMatch(/expected warnings but got none/);
  });
});

describe("checkFailure", () => {
  test("matches the error by exact message or regex", () => {
    const exact = evalOf("eval instant at 0 m\n  expect fail msg: vector cannot contain metrics with the same labelset\n");
    expect(checkFailure(exact, "vector cannot contain metrics with the same labelset")).toBeNull();
    expect(checkFailure(exact, "something else")).toMatch(/but got: something else/);
    const regex = evalOf("eval instant at 0 m\n  expect fail regex: conflicting label\n");
    expect(checkFailure(regex, "found conflicting label set")).toBeNull();
  });
});
