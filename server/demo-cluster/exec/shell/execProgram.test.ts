import { describe, expect, test } from "vitest";
import type { InputQueue } from "./inputQueue";
import { makeHost, run } from "./testing/harness";

const tick = () => new Promise((r) => setTimeout(r, 20));

/** Types into a running tty session, one chunk at a time as a person would. */
async function typeInto(input: InputQueue, ...chunks: string[]) {
  for (const chunk of chunks) {
    await tick();
    input.push(chunk);
  }
}

describe("interactive shell on a terminal", () => {
  test("bash prompts, echoes, runs lines and exits with exit's code", async () => {
    const target = makeHost("nginx:1.27", { tty: true, stdin: true });
    const running = run(["bash"], target, { tty: true, stdin: true });
    await typeInto(target.input, "echo hi\r", "cd /etc\r", "exit 4\r");
    const result = await running;
    expect(result.status).toBe(4);
    expect(result.stdout).toBe("root@web-5f7c9:/# echo hi\r\nhi\nroot@web-5f7c9:/# cd /etc\r\nroot@web-5f7c9:/etc# exit 4\r\n");
    expect(result.stderr).toBe("exit\n");
  });

  test("Ctrl-C interrupts a running sleep and the shell carries on; Ctrl-D leaves", async () => {
    const target = makeHost("nginx:1.27", { tty: true, stdin: true, maxWaitMs: 10_000 });
    const started = Date.now();
    const running = run(["sh"], target, { tty: true, stdin: true });
    await typeInto(target.input, "sleep 9\r", "\x03", "echo $?\r", "\x04");
    const result = await running;
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(result.stdout).toBe("# sleep 9\r\n^C\n# echo $?\r\n130\n# \n");
    expect(result.status).toBe(0);
  });

  test("interactive top draws a frame and quits on q", async () => {
    const target = makeHost("nginx:1.27", { tty: true, stdin: true });
    const running = run(["top"], target, { tty: true, stdin: true });
    await typeInto(target.input, "q");
    const result = await running;
    expect(result.status).toBe(0);
    // On the alternate screen, left again on q: the shell's earlier output is not wiped.
    expect(result.stdout.startsWith("\x1b[?1049h\x1b[H\x1b[2Jtop - ")).toBe(true);
    expect(result.stdout.endsWith("\x1b[?1049l")).toBe(true);
  });

  test("sh reads a script from a non-terminal stdin line by line", async () => {
    const target = makeHost();
    const running = run(["sh"], target, { stdin: true });
    await typeInto(target.input, "echo one\nhost", "name\n");
    target.input.end();
    expect((await running).stdout).toBe("one\nweb-5f7c9\n");
  });

  test("cat with no file echoes stdin until it ends", async () => {
    const target = makeHost();
    const running = run(["cat"], target, { stdin: true });
    await typeInto(target.input, "abc\n", "def");
    target.input.end();
    expect((await running).stdout).toBe("abc\ndef");
  });
});
