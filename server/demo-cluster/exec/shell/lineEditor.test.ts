import { describe, expect, test } from "vitest";
import { InputQueue } from "./inputQueue";
import { LineEditor } from "./lineEditor";

function editor() {
  const input = new InputQueue();
  let echoed = "";
  return { input, editor: new LineEditor(input, (t) => (echoed += t)), echoed: () => echoed };
}

describe("LineEditor", () => {
  test("echoes typing and returns the line on Enter", async () => {
    const e = editor();
    e.input.push("echo hi\r");
    expect(await e.editor.readLine()).toEqual({ kind: "line", text: "echo hi" });
    expect(e.echoed()).toBe("echo hi\r\n");
  });

  test("backspace and Ctrl-U edit the line; arrow keys are ignored", async () => {
    const e = editor();
    e.input.push("lx\x7fs -l\x1b[A\x1b[D\r");
    expect(await e.editor.readLine()).toEqual({ kind: "line", text: "ls -l" });
    e.input.push("garbage\x15pwd\r");
    expect(await e.editor.readLine()).toEqual({ kind: "line", text: "pwd" });
  });

  test("Ctrl-C abandons the line, Ctrl-D on an empty line is end of input", async () => {
    const e = editor();
    e.input.push("half\x03");
    expect(await e.editor.readLine()).toEqual({ kind: "interrupt" });
    expect(e.echoed()).toBe("half^C\r\n");
    e.input.push("\x04");
    expect(await e.editor.readLine()).toEqual({ kind: "eof" });
  });

  test("keeps typed-ahead text for the next read", async () => {
    const e = editor();
    e.input.push("one\rtwo\r");
    expect(await e.editor.readLine()).toEqual({ kind: "line", text: "one" });
    expect(await e.editor.readLine()).toEqual({ kind: "line", text: "two" });
  });
});
