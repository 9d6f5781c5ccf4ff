import { describe, expect, test } from "vitest";
import { readWatchEvents, WatchProtocolError } from "./watchStream";

async function collect(chunks: (string | Buffer)[], onPartial?: (n: number) => void) {
  async function* source() {
    for (const chunk of chunks) yield chunk;
  }
  const events = [];
  for await (const event of readWatchEvents(source(), onPartial)) events.push(event);
  return events;
}

const line = (type: string, name: string) => JSON.stringify({ type, object: { metadata: { name, resourceVersion: "7" } } }) + "\n";

describe("readWatchEvents", () => {
  test("reassembles events split across chunks, including a multi-byte character split in half", async () => {
    const text = line("ADDED", "a") + line("MODIFIED", "café");
    const bytes = Buffer.from(text);
    const cut = bytes.indexOf(Buffer.from("é")) + 1;
    const events = await collect([bytes.subarray(0, 5), bytes.subarray(5, cut), bytes.subarray(cut)]);
    expect(events.map((e) => [e.type, (e.object.metadata as { name: string }).name])).toEqual([["ADDED", "a"], ["MODIFIED", "café"]]);
  });

  test("discards a trailing line cut off mid-way instead of parsing it", async () => {
    const whole = line("ADDED", "a");
    const partial = line("MODIFIED", "b").slice(0, 20);
    const partials: number[] = [];
    const events = await collect([whole, partial], (n) => partials.push(n));
    expect(events).toHaveLength(1);
    expect(partials).toEqual([20]);
  });

  test("lets a dropped connection's error through after the complete events", async () => {
    async function* dropping() {
      yield line("ADDED", "a") + '{"type":"MODIF';
      throw Object.assign(new Error("aborted"), { code: "ECONNRESET" });
    }
    const seen: string[] = [];
    await expect(async () => {
      for await (const event of readWatchEvents(dropping())) seen.push(event.type);
    }).rejects.toThrow("aborted");
    expect(seen).toEqual(["ADDED"]);
  });

  test("rejects a complete line that is not a watch event", async () => {
    await expect(collect(["not json\n"])).rejects.toBeInstanceOf(WatchProtocolError);
    await expect(collect(['{"type":"WHATEVER","object":{}}\n'])).rejects.toThrow(/no known type/);
    await expect(collect(['{"type":"ADDED"}\n'])).rejects.toThrow(/no object/);
  });

  test("skips blank lines and CRLF endings", async () => {
    const events = await collect(["\n", line("ADDED", "a").replace("\n", "\r\n"), "\n"]);
    expect(events).toHaveLength(1);
  });
});
