import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { ExecCloseCode, maxExecFrameBytes } from "@/lib/wire/exec";
import { ShellConnection, type ShellSocket, type ShellState } from "./shellConnection";

class FakeSocket implements ShellSocket {
  binaryType = "blob";
  readyState = 0;
  sent: (string | Uint8Array)[] = [];
  onopen: ShellSocket["onopen"] = null;
  onmessage: ShellSocket["onmessage"] = null;
  onclose: ShellSocket["onclose"] = null;
  onerror: ShellSocket["onerror"] = null;
  constructor(readonly url: string) {}
  send(data: string | Uint8Array) {
    this.sent.push(data);
  }
  close(code = 1000, reason = "") {
    this.readyState = 3;
    this.onclose?.({ code, reason });
  }
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  receive(data: unknown) {
    this.onmessage?.({ data });
  }
}

function connect() {
  let socket: FakeSocket | undefined;
  const output: string[] = [];
  const states: ShellState[] = [];
  const connection = new ShellConnection({
    url: "ws://h/api/exec?namespace=a&pod=b",
    createSocket: (url) => (socket = new FakeSocket(url)),
    onOutput: (bytes) => output.push(new TextDecoder().decode(bytes)),
    onState: (state) => states.push(state),
    resizeDelayMs: 100,
  });
  connection.start();
  return { connection, socket: socket!, output, states };
}

describe("ShellConnection", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  test("writes binary output to the terminal and reports the started shell", () => {
    const { socket, output, states } = connect();
    expect(socket.binaryType).toBe("arraybuffer");
    socket.open();
    socket.receive(JSON.stringify({ type: "started", container: "web", command: ["bash"] }));
    socket.receive(new TextEncoder().encode("hello\r\n").buffer);
    expect(output).toEqual(["hello\r\n"]);
    expect(states.at(-1)).toEqual({ phase: "open", container: "web", command: ["bash"] });
  });

  test("sends keystrokes as binary frames, a large paste as several", () => {
    const { connection, socket } = connect();
    socket.open();
    connection.sendInput("ls\r");
    connection.sendInput("y".repeat(maxExecFrameBytes + 1));
    expect(socket.sent.map((frame) => (frame instanceof Uint8Array ? frame.length : frame))).toEqual([3, maxExecFrameBytes, 1]);
  });

  test("sends only the last size of a burst of resizes, and the size chosen before the socket opened", () => {
    const { connection, socket } = connect();
    connection.resize(80, 24);
    vi.advanceTimersByTime(200);
    expect(socket.sent).toEqual([]);
    socket.open();
    expect(socket.sent).toEqual([JSON.stringify({ type: "resize", cols: 80, rows: 24 })]);
    connection.resize(100, 30);
    connection.resize(120, 40);
    vi.advanceTimersByTime(100);
    expect(socket.sent.slice(1)).toEqual([JSON.stringify({ type: "resize", cols: 120, rows: 40 })]);
  });

  test("reports the exit code and the error with the close", () => {
    const { socket, states } = connect();
    socket.open();
    socket.receive(JSON.stringify({ type: "exit", code: 3 }));
    socket.close(1000);
    expect(states.at(-1)).toEqual({ phase: "closed", end: { code: 1000, exitCode: 3, error: undefined, reason: undefined } });

    const second = connect();
    second.socket.open();
    second.socket.receive(JSON.stringify({ type: "error", message: "pods/exec is forbidden", status: 403 }));
    second.socket.close(ExecCloseCode.Forbidden, "forbidden");
    expect(second.states.at(-1)).toMatchObject({ phase: "closed", end: { code: 4403, error: "pods/exec is forbidden", reason: "forbidden" } });
  });

  test("closing from this side reports nothing more, passes no late output and sends nothing after", () => {
    const { connection, socket, states, output } = connect();
    socket.open();
    const before = states.length;
    connection.close();
    socket.receive(new TextEncoder().encode("late").buffer);
    connection.sendInput("x");
    expect(states.length).toBe(before);
    expect(output).toEqual([]);
    expect(socket.sent).toEqual([]);
  });
});
