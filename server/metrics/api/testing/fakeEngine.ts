import type { Millis } from "../../model/sample";
import type { QueryEngine, QueryOptions, QueryValue } from "../../promql/values";

export interface RecordedQuery {
  query: string;
  start: Millis;
  end: Millis;
  step?: Millis;
  options: QueryOptions;
}

type Answer = { value: QueryValue; warnings: string[]; infos: string[] };

/** An engine that records what it was asked and answers what the test gives it (a value, an error, or a wait). */
export class FakeEngine implements QueryEngine {
  readonly calls: RecordedQuery[] = [];

  constructor(private answer: (call: RecordedQuery) => Answer | Promise<Answer>) {}

  answerWith(answer: (call: RecordedQuery) => Answer | Promise<Answer>): void {
    this.answer = answer;
  }

  async instantQuery(query: string, time: Millis, options: QueryOptions = {}): Promise<Answer> {
    const call = { query, start: time, end: time, options };
    this.calls.push(call);
    return this.answer(call);
  }

  async rangeQuery(query: string, start: Millis, end: Millis, step: Millis, options: QueryOptions = {}): Promise<Answer> {
    const call = { query, start, end, step, options };
    this.calls.push(call);
    return this.answer(call);
  }
}

/** An answer that never comes unless the query's signal aborts it, like a long evaluation that checks its signal. */
export function waitForAbort(call: RecordedQuery): Promise<Answer> {
  return new Promise((_, reject) => call.options.signal?.addEventListener("abort", () => reject(new Error("aborted")), { once: true }));
}
