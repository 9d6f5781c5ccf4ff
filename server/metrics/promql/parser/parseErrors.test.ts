import { describe, expect, test } from "vitest";
import { PromQLError } from "../values";
import { parseExpr } from "./parseExpr";

function failureOf(query: string): { message: string; type: string; position?: { start: number; end: number } } {
  try {
    parseExpr(query);
  } catch (err) {
    if (err instanceof PromQLError) return { message: err.message, type: err.type, position: err.position };
    throw err;
  }
  throw new Error(`${query} parsed`);
}

const syntaxErrors: [string, string][] = [
  ["", "1:1: parse error: no expression found in input"],
  ["# only a comment\n", "1:1: parse error: no expression found in input"],
  ["1+", "1:3: parse error: unexpected end of input"],
  ["sum(rate(foo[5m])) +", "1:21: parse error: unexpected end of input"],
  ["*1", "1:1: parse error: unexpected <op:*>"],
  ["@@", "1:1: parse error: unexpected <op:@>"],
  ["(1))", "1:5: parse error: unexpected right parenthesis ')'"],
  ["((1)", "1:5: parse error: unclosed left parenthesis"],
  ["rate(foo[5m]", "1:13: parse error: unclosed left parenthesis"],
  [".", "1:1: parse error: unexpected character: '.'"],
  ["2.5.", '1:1: parse error: bad number or duration syntax: "2.5."'],
  ["100..4", '1:1: parse error: bad number or duration syntax: "100.."'],
  ["0deadbeef", '1:1: parse error: bad number or duration syntax: "0de"'],
  ["a - on(b) ignoring(c) d", "1:11: parse error: unexpected <ignoring>"],
  ["1 !~ 1", "1:3: parse error: unexpected character after '!': '~'"],
  ["1 =~ 1", "1:3: parse error: unexpected character after '=': '~'"],
  ["foo]", "1:4: parse error: unexpected right bracket ']'"],
  ["}", "1:1: parse error: unexpected character: '}'"],
  ["some}", "1:5: parse error: unexpected character: '}'"],
  ["some{", "1:6: parse error: unexpected end of input inside braces"],
  ["some_metric{a=b}", '1:15: parse error: unexpected identifier "b" in label matching, expected string'],
  ['some_metric{a:b="b"}', "1:14: parse error: unexpected character inside braces: ':'"],
  ['foo{a*"b"}', "1:6: parse error: unexpected character inside braces: '*'"],
  ['foo{a>="b"}', "1:6: parse error: unexpected character inside braces: '>'"],
  ["foo{gibberish}", '1:14: parse error: unexpected "}" in label matching, expected label matching operator'],
  ["foo{1}", "1:5: parse error: unexpected character inside braces: '1'"],
  ["foo[5m", "1:7: parse error: unexpected end of input in duration expression"],
  ['foo{bar="baz"}[', "1:16: parse error: unexpected end of input in duration expression"],
  ["-=", '1:2: parse error: unexpected "="'],
  ["++-++-+-+-<", "1:11: parse error: unexpected <op:<>"],
  ["e-+=/(0)", '1:4: parse error: unexpected "="'],
  ["a>b()", '1:3: parse error: unknown function with name "b"'],
  ["`\\``", "1:4: parse error: unterminated raw string"],
  ['"\\', "1:1: parse error: escape sequence not terminated"],
  ['"\\c"', "1:1: parse error: unknown escape sequence U+0063 'c'"],
  ['"\\x."', "1:1: parse error: illegal character U+002E '.' in escape sequence"],
  ["rate(foo[5m],)", "1:13: parse error: trailing commas not allowed in function call args"],
  ['sum by ("foo)(some_metric{})', "1:9: parse error: unterminated quoted string"],
  ["sum without(==)(some_metric)", "1:13: parse error: unexpected <op:==> in grouping opts, expected label"],
  ["sum without(,)(some_metric)", '1:13: parse error: unexpected "," in grouping opts, expected label'],
  ["sum without(foo,,)(some_metric)", '1:17: parse error: unexpected "," in grouping opts, expected label'],
  ["sum some_metric by (test)", '1:5: parse error: unexpected identifier "some_metric"'],
  ["sum (some_metric) by test", '1:22: parse error: unexpected identifier "test" in grouping opts, expected "("'],
  ["MIN keep_common (some_metric)", '1:5: parse error: unexpected identifier "keep_common"'],
  ["MIN (some_metric) keep_common", '1:19: parse error: unexpected identifier "keep_common"'],
  ["sum (some_metric) without (test) by (test)", "1:34: parse error: unexpected <by>"],
  ["sum without (test) (some_metric) by (test)", "1:34: parse error: unexpected <by>"],
  ["topk(some_metric,)", "1:17: parse error: trailing commas not allowed in function call args"],
  ['foo{a="b"', "1:10: parse error: unexpected end of input inside braces"],
  ['foo{a="b" c="d"}', '1:11: parse error: unexpected identifier "c" in label matching, expected "," or "}"'],
  ["foo{a=}", '1:7: parse error: unexpected "}" in label matching, expected string'],
  ["foo{a}", '1:6: parse error: unexpected "}" in label matching, expected label matching operator'],
  ["sum by a (x)", '1:8: parse error: unexpected identifier "a" in grouping opts, expected "("'],
  ["foo offset", "1:11: parse error: unexpected end of input in offset, expected number, duration, step(), or range()"],
  ["some_metric[5m] OFFSET", "1:23: parse error: unexpected end of input in offset, expected number, duration, step(), or range()"],
  ["foo[5mm]", '1:5: parse error: bad number or duration syntax: "5mm"'],
  ["foo[5m:1m1]", '1:8: parse error: bad number or duration syntax: "1m1"'],
  ["foo[5m1h]", '1:5: parse error: not a valid duration string: "5m1h"'],
  ["foo[0m]", "1:5: parse error: duration must be greater than 0"],
  ["foo[-1]", "1:5: parse error: duration must be greater than 0"],
  ['foo["5m"]', "1:5: parse error: unexpected character in duration expression: '\"'"],
  ["some_metric @ 1234 [5m]", "1:20: parse error: no @ modifiers allowed before range"],
  ["(foo + bar)[5m]", "1:12: parse error: ranges only allowed for vector selectors"],
  ["foo{__name__= =}", '1:15: parse error: unexpected "=" in label matching, expected string'],
  ['foo{__name__="bar" lol}', '1:20: parse error: unexpected identifier "lol" in label matching, expected "," or "}"'],
  ['foo{"a"=}', '1:9: parse error: unexpected "}" in label matching, expected string'],
  ["foo @", "1:6: parse error: unexpected end of input in @, expected timestamp"],
  ["foo[]", '1:5: parse error: unexpected "]" in subquery or range selector, expected number, duration, step(), or range()'],
  ["foo bar", '1:5: parse error: unexpected identifier "bar"'],
  ["unknown_fn(x)", '1:1: parse error: unknown function with name "unknown_fn"'],
  ["'a\\q'", "1:1: parse error: unknown escape sequence U+0071 'q'"],
  ['"abc', "1:1: parse error: unterminated quoted string"],
  ["sum(x)\n  + ", "2:5: parse error: unexpected end of input"],
];

const checkErrors: [string, string][] = [
  ["rate(x)", '1:6: parse error: expected type range vector in call to function "rate", got instant vector'],
  ["rate(foo[5m], 1)", '1:1: parse error: expected 1 argument(s) in call to "rate", got 2'],
  ["label_join(x)", '1:1: parse error: expected at least 3 argument(s) in call to "label_join", got 1'],
  ["round(x, 1, 2)", '1:1: parse error: expected at most 2 argument(s) in call to "round", got 3'],
  ["histogram_quantile(x, 0.9)", '1:20: parse error: expected type scalar in call to function "histogram_quantile", got instant vector'],
  ["sum () by (test)", "1:1: parse error: no arguments for aggregate expression provided"],
  ["topk(some_metric, other_metric)", "1:6: parse error: expected type scalar in aggregation parameter, got instant vector"],
  ["rate(some_metric[5m]) @ 1234", "1:1: parse error: @ modifier must be preceded by an instant vector selector or range vector selector or a subquery"],
  ["floor()", '1:1: parse error: expected 1 argument(s) in call to "floor", got 0'],
  ["floor(1)", '1:7: parse error: expected type instant vector in call to function "floor", got scalar'],
  ["hour(some_metric, some_metric, some_metric)", '1:1: parse error: expected at most 1 argument(s) in call to "hour", got 3'],
  ["sum(1, x)", "1:1: parse error: wrong number of arguments for aggregate expression provided, expected 1, got 2"],
  ["topk(x)", "1:1: parse error: wrong number of arguments for aggregate expression provided, expected 2, got 1"],
  ["topk(x, y)", "1:6: parse error: expected type scalar in aggregation parameter, got instant vector"],
  ["count_values(1, x)", "1:14: parse error: expected type string in aggregation parameter, got scalar"],
  ["sum(foo[5m])", "1:5: parse error: expected type instant vector in aggregation expression, got range vector"],
  ["1 and 1", '1:1: parse error: set operator "and" not allowed in binary scalar expression'],
  ["a and 1", '1:1: parse error: set operator "and" not allowed in binary scalar expression'],
  ["1 == 1", "1:3: parse error: comparisons between scalars must use BOOL modifier"],
  ["a + bool b", "1:3: parse error: bool modifier can only be used on comparison operators"],
  ["a and on(x) group_left b", '1:1: parse error: no grouping allowed for "and" operation'],
  ["a + on(x) group_left(x) b", '1:3: parse error: label "x" must not occur in ON and GROUP clause at once'],
  ["1 + on(x) b", "1:1: parse error: vector matching only allowed between instant vectors"],
  ["foo[5m] + 1", "1:1: parse error: binary expression must contain only scalar and instant vector types"],
  ['-"string"', '1:1: parse error: unary expression only allowed on expressions of type scalar or instant vector, got "string"'],
  ["-test[5m]", '1:1: parse error: unary expression only allowed on expressions of type scalar or instant vector, got "range vector"'],
  ["foo[5m][1m:]", "1:1: parse error: subquery is only allowed on instant vector, got matrix instead"],
  ["1 offset 1d", "1:1: parse error: offset modifier must be preceded by an instant vector selector or range vector selector or a subquery"],
  ["foo offset 1s offset 2s", "1:1: parse error: offset may not be set multiple times"],
  ["foo @ 1 @ 2", "1:1: parse error: @ <timestamp> may not be set multiple times"],
  ["(foo)[5m]", "1:6: parse error: ranges only allowed for vector selectors"],
  ["foo offset 5m[5m]", "1:14: parse error: no offset modifiers allowed before range"],
  ['{a=""}', "1:1: parse error: vector selector must contain at least one non-empty matcher"],
  ['{a=~".*"}', "1:1: parse error: vector selector must contain at least one non-empty matcher"],
  ['foo{__name__="bar"}', '1:1: parse error: metric name must not be set twice: "foo" or "bar"'],
  [
    'http_requests{group="production"} + on(instance) group_left(job,instance) cpu_count{type="smp"}',
    '1:35: parse error: label "instance" must not occur in ON and GROUP clause at once',
  ],
  ["1 + fill(0) foo", "1:1: parse error: filling in missing series only allowed between instant vectors"],
  ["a or fill(0) b", "1:1: parse error: filling in missing series not allowed for set operators"],
  ['info(metric, target_info{a="b"})', "1:14: parse error: expected label selectors only, got vector selector instead"],
  ["info(metric, 1)", '1:1: parse error: expected type instant vector in call to function "info", got scalar'],
  ["foo[5m] anchored smoothed", "1:1: parse error: anchored and smoothed modifiers cannot be used together"],
  ["foo[5m:] anchored", "1:1: parse error: anchored modifier is not supported for subqueries"],
  ["foo @ Inf", "1:1: parse error: timestamp out of bounds for @ modifier: +Inf"],
  ["foo @ -Inf", "1:1: parse error: timestamp out of bounds for @ modifier: -Inf"],
  ["foo @ NaN", "1:1: parse error: timestamp out of bounds for @ modifier: NaN"],
  ["foo @ 9223372036854775808", "1:1: parse error: timestamp out of bounds for @ modifier: 9223372036854775808.000000"],
  ["{}", "1:1: parse error: vector selector must contain at least one non-empty matcher"],
  ['{x!~".+"}', "1:1: parse error: vector selector must contain at least one non-empty matcher"],
  ['{x!="a"}', "1:1: parse error: vector selector must contain at least one non-empty matcher"],
  ["1e400", '1:1: parse error: error parsing number: strconv.ParseFloat: parsing "1e400": value out of range'],
  ["foo[10000000000]", "1:5: parse error: duration out of range"],
  ['foo{a=~"(.*"}', "1:5: parse error: error parsing regexp: missing closing ): `(.*`"],
  ['foo{a!~"x)"}', "1:5: parse error: error parsing regexp: unexpected ): `x)`"],
  ['foo{a=~"[a-"}', "1:5: parse error: error parsing regexp: missing closing ]: `[a-`"],
];

describe("parseExpr errors", () => {
  test.each(syntaxErrors)("%j fails with Prometheus's syntax error", (query, message) => {
    expect(failureOf(query).message).toBe(message);
  });

  test.each(checkErrors)("%j fails Prometheus's checks", (query, message) => {
    expect(failureOf(query).message).toBe(message);
  });

  test("is a bad_data error carrying the offsets of the problem", () => {
    expect(failureOf("sum(x) + ")).toMatchObject({ type: "bad_data", position: { start: 9, end: 9 } });
  });

  test("counts the column in UTF-8 bytes as Prometheus does", () => {
    expect(failureOf('{"é"="x"} +').message).toBe("1:13: parse error: unexpected end of input");
  });

  test("accepts info()'s label selector that matches empty values", () => {
    expect(() => parseExpr('info(metric, {data=~".*"})')).not.toThrow();
  });

  test("accepts keywords and quoted names as grouping labels", () => {
    expect(parseExpr("sum without(and, by, avg, count, alert, annotations)(some_metric)")).toMatchObject({
      grouping: ["and", "by", "avg", "count", "alert", "annotations"],
    });
    expect(parseExpr(`sum by ("foo bar")({"some.metric"})`)).toMatchObject({ grouping: ["foo bar"] });
  });

  test("accepts regex classes holding parentheses and brackets", () => {
    expect(() => parseExpr('foo{a=~"[(]x[]]"}')).not.toThrow();
  });
});
