// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { cleanup, render, screen, waitFor } from "@testing-library/react";
import { MantineProvider } from "@mantine/core";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { KubeObject } from "@/lib/k8s/types";
import { lookupDetailsFor, type DetailsAccess, type DetailsCache } from "@/app/api/resources/[kind]/[...path]/details";
import { nothingRelated } from "@/app/api/resources/[kind]/[...path]/testing/detailsCache";
import type { Person } from "@/server/auth/person";
import { KubeApiError } from "@/server/kube/errors";
import { orreryFetch } from "@/components/testing/orreryFetch";
import { DetailsDrawer } from "./DetailsDrawer";

const pod: KubeObject = { apiVersion: "v1", kind: "Pod", metadata: { name: "web-1", namespace: "shop", uid: "p1", resourceVersion: "7" } };

// The drawer is opened by ?selected=; the pod itself comes from the live stream, which is not what is tested here.
vi.mock("next/navigation", () => ({
  useSearchParams: () => new URLSearchParams("selected=pods/shop/web-1"),
  usePathname: () => "/pods",
  useRouter: () => ({ push: () => undefined, replace: () => undefined }),
}));
vi.mock("@/components/live/useLiveResource", () => ({ useLiveResource: () => ({ items: [pod], loaded: true, stale: false }) }));

const scheduled: KubeObject = { kind: "Event", metadata: { name: "web-1.1", namespace: "shop" }, type: "Normal", reason: "Scheduled", message: "Successfully assigned shop/web-1 to node-1" } as KubeObject;
const alice: Person = { name: "alice", groups: ["team-a"], via: "session", readOnly: false };
const cache: DetailsCache = { ...nothingRelated, get: (_kind, namespace, name) => (namespace === "shop" && name === "web-1" ? pod : undefined), byUid: () => undefined, eventsFor: () => [scheduled] };

/** GET /api/resources/{kind}/{...path} as app/api/resources/[kind]/[...path]/route.ts answers it, for `access`. */
function detailsApi(person: Person | null, access: DetailsAccess) {
  return orreryFetch(person, async (req) => {
    const [kind = "", ...path] = new URL(req.url).pathname.split("/").slice(3).map(decodeURIComponent);
    return Response.json(await lookupDetailsFor(access, cache, kind, path));
  });
}

const allowed: DetailsAccess = { can: async () => true, canList: async () => true };

function showDrawer() {
  const client = new QueryClient({ defaultOptions: { queries: { retryDelay: 0 } } });
  render(
    <MantineProvider>
      <QueryClientProvider client={client}>
        <DetailsDrawer />
      </QueryClientProvider>
    </MantineProvider>,
  );
}

beforeEach(() => {
  window.matchMedia ??= ((query: string) => ({ matches: false, media: query, addEventListener() {}, removeEventListener() {}, addListener() {}, removeListener() {}, onchange: null, dispatchEvent: () => false })) as typeof window.matchMedia;
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("DetailsDrawer", () => {
  test("shows the events the server answered", async () => {
    vi.stubGlobal("fetch", detailsApi(alice, allowed));
    showDrawer();
    expect(await screen.findByText("Successfully assigned shop/web-1 to node-1")).toBeTruthy();
  });

  test("an ended login says to sign in again, not [object Object]", async () => {
    vi.stubGlobal("fetch", detailsApi(null, allowed));
    showDrawer();
    expect(await screen.findByText("login required: sign in at /login, or send credentials with the request")).toBeTruthy();
    expect(document.body.textContent).not.toContain("[object Object]");
  });

  test("the apiserver's refusal of Orrery's access check is shown in its own words", async () => {
    const refusing: DetailsAccess = {
      can: async () => {
        throw new KubeApiError("https://k8s:6443", 403, "Forbidden", 'subjectaccessreviews.authorization.k8s.io is forbidden: User "system:serviceaccount:orrery:orrery" cannot create resource "subjectaccessreviews"');
      },
      canList: async () => true,
    };
    vi.stubGlobal("fetch", detailsApi(alice, refusing));
    showDrawer();
    expect(await screen.findByText(/^subjectaccessreviews\.authorization\.k8s\.io is forbidden: User "system:serviceaccount:orrery:orrery"/)).toBeTruthy();
  });

  test("an object the person may not get shows the cluster's refusal, never 'not found'", async () => {
    vi.stubGlobal("fetch", detailsApi(alice, { person: alice, can: async () => false, canList: async () => false }));
    showDrawer();
    const alert = await screen.findByRole("alert");
    await waitFor(() => expect(alert.textContent).toContain("The cluster refused to let you get pods in namespace shop."));
    expect(alert.textContent).toContain("Not allowed");
    expect(document.body.textContent).not.toMatch(/not found/i);
  });

  test("a proxy's HTML error page is named with its status", async () => {
    vi.stubGlobal("fetch", async () => new Response("<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>", { status: 502, statusText: "Bad Gateway", headers: { "content-type": "text/html" } }));
    showDrawer();
    expect(await screen.findByText(/^the server answered 502 Bad Gateway with a web page \("502 Bad Gateway"\)/)).toBeTruthy();
  });
});
