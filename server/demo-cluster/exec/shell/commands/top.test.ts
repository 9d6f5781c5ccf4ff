import { describe, expect, test } from "vitest";
import { makeHost, run } from "../testing/harness";

const enterAlternate = "\x1b[?1049h";
const leaveAlternate = "\x1b[?1049l";
const clearScreen = "\x1b[H\x1b[2J";

describe("top", () => {
  test("on a terminal it draws on the alternate screen and leaves it on q, so the earlier output comes back", async () => {
    const target = makeHost("nginx:1.27", { tty: true, stdin: true });
    target.input.push("q");
    const { stdout, status } = await run(["top"], target, { tty: true, stdin: true });
    expect(status).toBe(0);
    expect(stdout.startsWith(enterAlternate + clearScreen + "top - ")).toBe(true);
    expect(stdout.endsWith(leaveAlternate)).toBe(true);
    // Every clear happens inside the alternate screen, never on the shell's own screen.
    const outside = stdout.slice(0, stdout.indexOf(enterAlternate)) + stdout.slice(stdout.lastIndexOf(leaveAlternate));
    expect(outside).not.toContain("\x1b[2J");
  });

  test("Ctrl-C also restores the screen", async () => {
    const target = makeHost("nginx:1.27", { tty: true, stdin: true });
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 50);
    const { stdout, status } = await run(["top"], target, { tty: true, stdin: true }, stop.signal);
    expect(status).toBe(130);
    expect(stdout.endsWith(leaveAlternate)).toBe(true);
  });

  test("top -b -n 1 prints one plain snapshot, with no screen control at all", async () => {
    const { stdout } = await run(["top", "-b", "-n", "1"], makeHost("nginx:1.27", { tty: true, stdin: true }), { tty: true, stdin: true });
    expect(stdout).toMatch(/^top - /);
    expect(stdout).not.toContain("\x1b[");
  });
});
