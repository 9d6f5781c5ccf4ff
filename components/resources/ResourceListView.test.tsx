// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { cleanup, render, screen } from "@testing-library/react";
import { MantineProvider } from "@mantine/core";
import { denialOf } from "@/server/stream/streamAccess";
import { ResourceListView } from "./ResourceListView";

beforeEach(() => {
  window.matchMedia ??= ((query: string) => ({ matches: false, media: query, addEventListener() {}, removeEventListener() {}, addListener() {}, removeListener() {}, onchange: null, dispatchEvent: () => false })) as typeof window.matchMedia;
});
afterEach(cleanup);

describe("ResourceListView", () => {
  test("a list the server refused says why instead of claiming the namespace is empty", () => {
    // The sentence the stream server sends in its error frame for this subscription.
    const refused = denialOf("pods", "kube-system", true, { all: false, namespaces: new Set(["shop"]) });
    render(
      <MantineProvider>
        <ResourceListView title="Pods" count={0} loaded stale={false} refused={refused} query="" onQueryChange={() => undefined} emptyText="No pods in namespace kube-system">
          <table />
        </ResourceListView>
      </MantineProvider>,
    );
    expect(screen.getByRole("alert").textContent).toBe("Not allowedyou may not list pods in namespace kube-system");
    expect(screen.queryByText("No pods in namespace kube-system")).toBeNull();
    expect(screen.getByText("Nothing to show: pods cannot be read right now")).toBeTruthy();
  });
});
