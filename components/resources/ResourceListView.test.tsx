// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { cleanup, render, screen } from "@testing-library/react";
import { MantineProvider } from "@mantine/core";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { answerMe, parseKinds, type MeDeps } from "@/app/api/me/me";
import type { Person } from "@/server/auth/person";
import { denialOf } from "@/server/stream/streamAccess";
import { orreryFetch } from "@/components/testing/orreryFetch";
import { ResourceListView } from "./ResourceListView";

const nowhere = { all: false as const, namespaces: new Set<string>() };
const admin: Person = { name: "admin", groups: [], via: "session", readOnly: false };

// GET /api/me as app/api/me/route.ts answers it, for a person who may list nothing and whom the apiserver names.
const meDeps: MeDeps = {
  access: { listScope: async () => nowhere, visibleNamespaces: async () => [] },
  identity: async () => ({ user: "admin", groups: ["system:authenticated"] }),
  embedAdminGroup: undefined,
};
const meApi = orreryFetch(admin, async (req, { person }) => Response.json(await answerMe(person, meDeps, parseKinds(new URL(req.url).searchParams.get("kinds")))));

beforeEach(() => {
  vi.stubGlobal("fetch", vi.fn(meApi));
  window.matchMedia ??= ((query: string) => ({ matches: false, media: query, addEventListener() {}, removeEventListener() {}, addListener() {}, removeListener() {}, onchange: null, dispatchEvent: () => false })) as typeof window.matchMedia;
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function showList(props: { loaded: boolean; count: number; refused?: readonly string[] }) {
  render(
    <MantineProvider>
      <QueryClientProvider client={new QueryClient()}>
        <ResourceListView title="Pods" {...props} stale={false} query="" onQueryChange={() => undefined} emptyText="No pods in namespace shop">
          <table aria-label="Pods" />
        </ResourceListView>
      </QueryClientProvider>
    </MantineProvider>,
  );
}

describe("ResourceListView", () => {
  test("a refused list says what was refused, who Orrery asked as, and the kubectl that grants a read-only view", async () => {
    // The sentences the stream server sends in its error frames for these subscriptions.
    showList({ loaded: true, count: 0, refused: [denialOf("pods", undefined, true, nowhere)!, denialOf("nodes", undefined, false, nowhere)!] });
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain("The cluster refused to let you list pods, list nodes.");
    expect((await screen.findByTestId("asked-as")).textContent).toBe("Orrery asked as user admin with groups system:authenticated (your login).");
    expect(screen.getByLabelText("Command to grant a read-only view").textContent).toBe(
      [
        "kubectl create clusterrolebinding orrery-view-admin --clusterrole=view --user=admin",
        "kubectl create clusterrole orrery-nodes-reader --verb=get,list,watch --resource=nodes",
        "kubectl create clusterrolebinding orrery-nodes-reader-admin --clusterrole=orrery-nodes-reader --user=admin",
      ].join("\n"),
    );
    expect(screen.queryByText("No pods in namespace shop")).toBeNull();
    expect(screen.queryByLabelText("0 shown")).toBeNull();
    expect(screen.queryByLabelText("Loading pods")).toBeNull();
  });

  test("loading, empty and refused read differently", () => {
    showList({ loaded: false, count: 0 });
    expect(screen.getByLabelText("Loading pods")).toBeTruthy();
    expect(screen.queryByRole("alert")).toBeNull();
    cleanup();
    showList({ loaded: true, count: 0 });
    expect(screen.getByText("No pods in namespace shop")).toBeTruthy();
    expect(screen.queryByRole("alert")).toBeNull();
  });
});
