import { describe, expect, test } from "vitest";
import { classifyEval } from "./classifyEval";
import { parseScript } from "./parseScript";
import type { EvalCommand } from "./scriptTypes";

function evalOf(text: string): EvalCommand {
  return parseScript(text).commands[0] as EvalCommand;
}

describe("classifyEval", () => {
  const histograms = new Set(["latency"]);

  test("a float query over float data is a float case, even with histograms loaded elsewhere", () => {
    expect(classifyEval(evalOf("eval instant at 0 rate(requests[5m])\n  {} 1\n"), histograms)).toBe("float");
    expect(classifyEval(evalOf('eval instant at 0 histogram_quantile(0.5, latency_bucket)\n  {} 1\n'), histograms)).toBe("float");
  });

  test("expecting a histogram value makes a native-histogram case", () => {
    expect(classifyEval(evalOf("eval instant at 0 x\n  x {{count:1}}\n"), new Set())).toBe("native-histogram");
  });

  test("naming a metric loaded with histograms, as a name or a __name__ string, makes a native-histogram case", () => {
    expect(classifyEval(evalOf("eval instant at 0 sum(latency)\n"), histograms)).toBe("native-histogram");
    expect(classifyEval(evalOf('eval instant at 0 count({__name__="latency"})\n'), histograms)).toBe("native-histogram");
  });

  test("a selector by labels only reaches histograms when any are loaded", () => {
    expect(classifyEval(evalOf('eval instant at 0 {job="a"}\n'), histograms)).toBe("native-histogram");
    expect(classifyEval(evalOf('eval instant at 0 {job="a"}\n'), new Set())).toBe("float");
  });

  test("histogram_count and friends are native-histogram cases", () => {
    expect(classifyEval(evalOf("eval instant at 0 histogram_count(x)\n"), new Set())).toBe("native-histogram");
  });
});
