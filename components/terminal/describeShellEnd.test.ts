import { describe, expect, test } from "vitest";
import { ExecCloseCode } from "@/lib/wire/exec";
import { describeShellEnd } from "./describeShellEnd";

describe("describeShellEnd", () => {
  test("a normal exit shows the exit code", () => {
    expect(describeShellEnd({ code: 1000, exitCode: 3 })).toMatchObject({ text: "[process exited with code 3]", signIn: false, tone: "warning" });
    expect(describeShellEnd({ code: 1000, exitCode: 0 }).tone).toBe("neutral");
  });

  test("an ended login asks to sign in again", () => {
    const message = describeShellEnd({ code: ExecCloseCode.SessionEnded, reason: "session expired" });
    expect(message.signIn).toBe(true);
    expect(message.text).toMatch(/your login ended — sign in again/i);
  });

  test("forbidden keeps the apiserver's explanation", () => {
    const message = describeShellEnd({ code: ExecCloseCode.Forbidden, error: 'pods "a" is forbidden: User "dev" cannot create resource "pods/exec"' });
    expect(message.text).toBe('You are not allowed to open a shell in this pod: pods "a" is forbidden: User "dev" cannot create resource "pods/exec"');
    expect(message.signIn).toBe(false);
  });

  test("a gone pod, an idle close and a lost connection each say what happened", () => {
    expect(describeShellEnd({ code: ExecCloseCode.NotFound }).text).toBe("The pod or container is gone");
    expect(describeShellEnd({ code: ExecCloseCode.Idle }).text).toMatch(/idle/);
    expect(describeShellEnd({ code: 1006 }).text).toMatch(/connection to Orrery was lost/);
  });

  test("does not repeat a reason the text already holds", () => {
    expect(describeShellEnd({ code: ExecCloseCode.NotFound, error: "x", reason: "x" }).text).toBe("The pod or container is gone: x");
  });

  test("a failure shows the server's message; a stopping Orrery says to reconnect", () => {
    expect(describeShellEnd({ code: 1011, error: "the apiserver is unreachable" }).text).toBe("The shell failed: the apiserver is unreachable");
    expect(describeShellEnd({ code: 1001 }).text).toMatch(/reconnect in a moment/);
  });

  test("an unknown code is shown with its number and reason", () => {
    expect(describeShellEnd({ code: 1012, reason: "service restart" }).text).toBe("The shell closed unexpectedly (code 1012): service restart");
  });

  test("a container that is not running says so, not that it is gone", () => {
    const end = describeShellEnd({ code: ExecCloseCode.NotRunning, error: 'container "server" is not running (waiting: CrashLoopBackOff)' });
    expect(end.text).toBe('No shell: container "server" is not running (waiting: CrashLoopBackOff)');
  });
});
