import { describe, expect, test } from "vitest";
import { parseScript } from "./parseScript";
import type { EvalCommand, LoadCommand } from "./scriptTypes";

const SCRIPT = `# comment
load 1m
    m{env="prod"} 5 2+3x2

eval instant at 1m30s sum by (env) (m)
    expect warn msg: PromQL warning: something (1:15)
    expect info regex: something (wrong|boom)
    expect no_warn_typo_is_a_series_line_not_an_expect
    {env="prod"} 5

eval range from 0 to 3m step 1m m
    m{env="prod"} 5 2 _ 8

clear

eval_fail instant at 0 -{job="api"}
    expected_fail_regexp vector cannot .*

eval instant at 50m ("Foo")
    expect string \`Foo\`

eval instant at 1m m[1m]
    expect range vector from 10s to 1m step 10s
    expect ordered
    m{env="prod"} 2 3
`;

function evals(text: string): EvalCommand[] {
  return parseScript(text).commands.filter((c): c is EvalCommand => c.kind === "eval");
}

describe("parseScript", () => {
  test("reads load blocks with their interval and series line numbers", () => {
    const load = parseScript(SCRIPT).commands[0] as LoadCommand;
    expect(load).toMatchObject({ kind: "load", line: 2, intervalMs: 60_000, withNhcb: false });
    expect(load.series[0]!.line).toBe(3);
    expect(load.series[0]!.values).toHaveLength(4);
  });

  test("gives each eval its file line, time and query", () => {
    const [instant, range] = evals(SCRIPT);
    expect(instant).toMatchObject({ line: 5, instantAt: 90_000, query: "sum by (env) (m)" });
    expect(range).toMatchObject({ line: 11, range: { start: 0, end: 180_000, step: 60_000 }, query: "m" });
  });

  test("reads expect lines with exact messages and regexes; a word that only starts with expect is a series", () => {
    const [instant] = evals(SCRIPT);
    expect(instant!.expectations.warn).toEqual([{ message: "PromQL warning: something (1:15)" }]);
    expect(instant!.expectations.info[0]!.regex!.test("PromQL info: something boom (1:15)")).toBe(true);
    expect(instant!.parseError).toMatch(/line 8/);
  });

  test("reads the deprecated eval_fail form with expected_fail_regexp", () => {
    const failing = evals(SCRIPT)[2]!;
    expect(failing.legacy.fail).toBe(true);
    expect(failing.legacy.failRegexp!.test("vector cannot contain metrics")).toBe(true);
  });

  test("reads expect string and expect range vector", () => {
    const [, , , str, rangeVector] = evals(SCRIPT);
    expect(str!.expectedString).toBe("Foo");
    expect(rangeVector!.rangeVector).toEqual({ start: 10_000, end: 60_000, step: 10_000 });
    expect(rangeVector!.expectations.ordered).toHaveLength(1);
    expect(rangeVector!.expectedSeries[0]!.values).toHaveLength(2);
  });

  test("a bare number is a scalar expectation", () => {
    const [scalar] = evals("eval instant at 0 1+1\n  2\n");
    expect(scalar!.expectedScalar).toEqual({ kind: "float", value: 2 });
  });

  test("refuses several values for an instant eval without expect range vector", () => {
    const [bad] = evals("eval instant at 0 m\n  m 1 2\n");
    expect(bad!.parseError).toMatch(/expecting multiple values in instant evaluation not allowed/);
  });

  test("refuses info together with no_info, and reports unknown commands with their line", () => {
    const [bad] = evals("eval instant at 0 m\n  expect info\n  expect no_info\n");
    expect(bad!.parseError).toMatch(/info and no_info cannot be used together/);
    expect(parseScript("\n\nbogus 1\n").errors).toEqual([{ line: 3, message: 'invalid command "bogus 1"' }]);
  });

  test("reads @st lines as start-timestamp offsets of the following series", () => {
    const load = parseScript("load 1m\n  c@st _ -30s-1mx1 -1ms\n  c _ 1 2 3\n").commands[0] as LoadCommand;
    expect(load.series[0]!.startOffsets).toEqual([null, -30_000, -90_000, -1]);
    expect(parseScript("load 1m\n  c@st _ 1m\n  d 1 2\n").errors[0]!.message).toMatch(/does not match/);
  });

  test("a later line for the same series in one load replaces the earlier one", () => {
    const load = parseScript("load 1m\n  m{a=\"1\"} 1\n  n 5\n  m{a=\"1\"} 2 3\n").commands[0] as LoadCommand;
    expect(load.series.map((s) => [s.line, s.values.length])).toEqual([
      [3, 1],
      [4, 2],
    ]);
  });

  test("load_with_nhcb is flagged", () => {
    expect(parseScript("load_with_nhcb 5m\n  h_bucket{le=\"1\"} 1\n").commands[0]).toMatchObject({ withNhcb: true, intervalMs: 300_000 });
  });
});
