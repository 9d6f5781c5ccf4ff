// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { cleanup, render, screen } from "@testing-library/react";
import { MantineProvider } from "@mantine/core";
import { LoginScreen } from "./LoginScreen";

beforeEach(() => {
  window.matchMedia ??= ((query: string) => ({ matches: false, media: query, addEventListener() {}, removeEventListener() {}, addListener() {}, removeListener() {}, onchange: null, dispatchEvent: () => false })) as typeof window.matchMedia;
});

afterEach(cleanup);

function renderLogin(demo: boolean): void {
  render(
    <MantineProvider>
      <LoginScreen mode="basic" callbackUrl="/pods" demo={demo} />
    </MantineProvider>,
  );
}

describe("LoginScreen", () => {
  test("says before login that the cluster behind it is the built-in demo", () => {
    renderLogin(true);
    const badge = screen.getByRole("note", { name: "Demo cluster" });
    const description = document.getElementById(badge.getAttribute("aria-describedby") ?? "");
    expect(description?.textContent).toMatch(/built-in simulated cluster.*--kubeconfig/);
  });

  test("shows no demo badge in front of a real cluster", () => {
    renderLogin(false);
    expect(screen.queryByRole("note", { name: "Demo cluster" })).toBeNull();
  });
});
