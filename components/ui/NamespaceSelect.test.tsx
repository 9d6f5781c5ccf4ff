// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { cleanup, render, screen, waitFor } from "@testing-library/react";
import { MantineProvider } from "@mantine/core";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { answerMe, type MeDeps } from "@/app/api/me/me";
import type { Person } from "@/server/auth/person";
import { denialOf } from "@/server/stream/streamAccess";
import type { LiveResource } from "@/components/live/useLiveResource";
import { orreryFetch } from "@/components/testing/orreryFetch";
import { NamespaceSelect } from "./NamespaceSelect";

const nowhere = { all: false as const, namespaces: new Set<string>() };
let namespaces: LiveResource;

vi.mock("next/navigation", () => ({ useSearchParams: () => new URLSearchParams(), usePathname: () => "/pods", useRouter: () => ({ push: () => undefined, replace: () => undefined }) }));
vi.mock("@/components/live/useLiveResource", () => ({ useLiveResource: () => namespaces }));

// A person with a Role that lists pods in shop only: no Namespace object to get, yet shop is theirs to look at.
const podsInShop: Person = { name: "pat", groups: [], via: "session", readOnly: false };
const meDeps: MeDeps = { access: { listScope: async () => nowhere, visibleNamespaces: async () => ["shop"] }, identity: async () => undefined, embedAdminGroup: undefined };

beforeEach(() => {
  vi.stubGlobal("fetch", vi.fn(orreryFetch(podsInShop, async (_req, { person }) => Response.json(await answerMe(person, meDeps, [])))));
  window.matchMedia ??= ((query: string) => ({ matches: false, media: query, addEventListener() {}, removeEventListener() {}, addListener() {}, removeListener() {}, onchange: null, dispatchEvent: () => false })) as typeof window.matchMedia;
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function showSelect() {
  render(
    <MantineProvider>
      <QueryClientProvider client={new QueryClient()}>
        <NamespaceSelect />
      </QueryClientProvider>
    </MantineProvider>,
  );
}

const optionTexts = () => [...screen.getByRole("combobox", { name: "Namespace" }).querySelectorAll("option")].map((option) => option.textContent);

describe("NamespaceSelect", () => {
  test("a person who may list pods in one namespace but not namespaces is offered that namespace, and told why the list is short", async () => {
    namespaces = { items: [], loaded: true, stale: false, refused: denialOf("namespaces", undefined, false, nowhere) };
    showSelect();
    await waitFor(() => expect(optionTexts()).toEqual(["All namespaces", "shop"]));
    expect(screen.getByRole("img", { name: "Namespaces: you may not list namespaces; these are the namespaces where you may see something" })).toBeTruthy();
  });

  test("says it is loading until the namespaces arrive, and asks nothing more when they do", async () => {
    namespaces = { items: [], loaded: false, stale: false };
    showSelect();
    expect(screen.getByLabelText("Loading namespaces")).toBeTruthy();
    cleanup();
    namespaces = { items: [{ metadata: { name: "default" } }], loaded: true, stale: false };
    showSelect();
    expect(optionTexts()).toEqual(["All namespaces", "default"]);
    expect(vi.mocked(fetch)).not.toHaveBeenCalled();
  });
});
