// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { MantineProvider } from "@mantine/core";
import { ExecCloseCode } from "@/lib/wire/exec";
import { ShellStatus } from "./ShellStatus";
import type { ShellState } from "./shellConnection";

function show(state: ShellState, onReconnect = vi.fn()) {
  render(
    <MantineProvider>
      <ShellStatus state={state} container="web" onReconnect={onReconnect} />
    </MantineProvider>,
  );
  return onReconnect;
}

beforeEach(() => {
  window.matchMedia ??= ((query: string) => ({ matches: false, media: query, addEventListener() {}, removeEventListener() {}, addListener() {}, removeListener() {}, onchange: null, dispatchEvent: () => false })) as typeof window.matchMedia;
  window.history.replaceState(null, "", "/pods?ns=shop&selected=pods%2Fshop%2Fa");
});

afterEach(cleanup);

describe("ShellStatus", () => {
  test("an ended login links to the login page that returns here, with no Reconnect", () => {
    show({ phase: "closed", end: { code: ExecCloseCode.SessionEnded } });
    expect(screen.getByRole("status", { name: "Shell status" }).textContent).toMatch(/Your login ended — sign in again/);
    expect(screen.getByRole("link", { name: "Sign in" }).getAttribute("href")).toBe(`/login?callbackUrl=${encodeURIComponent("/pods?ns=shop&selected=pods%2Fshop%2Fa")}`);
    expect(screen.queryByRole("button", { name: "Reconnect" })).toBeNull();
  });

  test("after an exit it shows the code and Reconnect starts again", () => {
    const onReconnect = show({ phase: "closed", end: { code: 1000, exitCode: 3 } });
    expect(screen.getByRole("status", { name: "Shell status" }).textContent).toBe("[process exited with code 3]");
    fireEvent.click(screen.getByRole("button", { name: "Reconnect" }));
    expect(onReconnect).toHaveBeenCalledOnce();
  });

  test("names the container and command once the shell runs", () => {
    show({ phase: "open", container: "web", command: ["/bin/bash"] });
    expect(screen.getByRole("status", { name: "Shell status" }).textContent).toBe("Connected to web (/bin/bash)");
  });
});
