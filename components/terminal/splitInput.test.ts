import { describe, expect, test } from "vitest";
import { maxExecFrameBytes } from "@/lib/wire/exec";
import { binaryInput, splitInput } from "./splitInput";

const decode = (frames: Uint8Array[]) => frames.map((frame) => new TextDecoder("utf-8", { fatal: true }).decode(frame));

describe("splitInput", () => {
  test("sends a keystroke as one frame", () => {
    expect(decode(splitInput("l"))).toEqual(["l"]);
  });

  test("sends nothing for empty input", () => {
    expect(splitInput("")).toEqual([]);
  });

  test("splits a large paste into frames no larger than the protocol allows", () => {
    const paste = "x".repeat(maxExecFrameBytes * 2 + 10);
    const frames = splitInput(paste);
    expect(frames.map((frame) => frame.length)).toEqual([maxExecFrameBytes, maxExecFrameBytes, 10]);
    expect(decode(frames).join("")).toBe(paste);
  });

  test("never cuts a multi-byte character in two", () => {
    const paste = "aé€😀".repeat(20);
    const frames = splitInput(paste, 5);
    expect(frames.every((frame) => frame.length <= 5)).toBe(true);
    expect(decode(frames).join("")).toBe(paste);
  });
});

describe("binaryInput", () => {
  test("keeps each character as one byte", () => {
    expect([...binaryInput("\x1b[M\xff")]).toEqual([0x1b, 0x5b, 0x4d, 0xff]);
  });
});
