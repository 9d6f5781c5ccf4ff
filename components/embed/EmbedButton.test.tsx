// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { cleanup, render, screen } from "@testing-library/react";
import { MantineProvider } from "@mantine/core";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { PageViewerProvider, type PageViewer } from "@/components/auth/PageViewer";
import { EmbedButton } from "./EmbedButton";

vi.mock("next/navigation", () => ({ usePathname: () => "/pods", useSearchParams: () => new URLSearchParams("ns=shop") }));

const requested: string[] = [];

beforeEach(() => {
  requested.length = 0;
  vi.stubGlobal("fetch", vi.fn(async (url: string) => {
    requested.push(url);
    return Response.json({ error: { code: "forbidden", message: "managing embed tokens is turned off" } }, { status: 403 });
  }));
  window.matchMedia ??= ((query: string) => ({ matches: false, media: query, addEventListener() {}, removeEventListener() {}, addListener() {}, removeListener() {}, onchange: null, dispatchEvent: () => false })) as typeof window.matchMedia;
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function showButton(viewer: PageViewer) {
  render(
    <MantineProvider>
      <QueryClientProvider client={new QueryClient()}>
        <PageViewerProvider viewer={viewer}>
          <EmbedButton />
        </PageViewerProvider>
      </QueryClientProvider>
    </MantineProvider>,
  );
}

describe("EmbedButton", () => {
  test("a person who may not make embed links sees no button and causes no refused request", async () => {
    showButton({ signedIn: true, embedded: false, mayManageEmbedTokens: false });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByRole("button", { name: "Embed" })).toBeNull();
    expect(requested).toEqual([]);
  });

  test("a person who may make them gets the button from the page alone, before any request", () => {
    showButton({ signedIn: true, embedded: false, mayManageEmbedTokens: true });
    expect(screen.getByRole("button", { name: "Embed" })).toBeTruthy();
    expect(requested).toEqual([]);
  });
});
