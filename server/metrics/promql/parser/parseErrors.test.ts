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
  ["foo[5m", "1:7: parse error: unclosed left bracket"],
  ['foo{a="b"', "1:10: parse error: unexpected end of input inside braces"],
  ['foo{a="b" c="d"}', '1:11: parse error: unexpected identifier "c" in label matching, expected "," or "}"'],
  ["foo{a=}", '1:7: parse error: unexpected "}" in label matching, expected string'],
  ["foo{a}", '1:6: parse error: unexpected "}" in label matching, expected label matching operator'],
  ["sum by a (x)", '1:8: parse error: unexpected identifier "a" in grouping opts, expected "("'],
  ["foo offset", "1:11: parse error: unexpected end of input in offset, expected duration"],
  ["foo @", "1:6: parse error: unexpected end of input in @, expected timestamp"],
  ["foo[]", '1:5: parse error: unexpected "]" in subquery selector, expected duration'],
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
});
