// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { MantineProvider } from "@mantine/core";
import { setAuthServices } from "@/server/auth/authState";
import { handleAuthRoute } from "@/server/auth/handleAuthRoute";
import { handleLogout } from "@/server/auth/logout";
import { basicSettings, servicesWith, TestClock } from "@/server/auth/testing/fixtures";

const signedIn = { signedIn: true, embedded: false, mayManageEmbedTokens: false };

/** The menu as the dashboard layout renders it (modules imported afresh, as each test resets them). */
async function renderMenu(viewer = signedIn) {
  const { UserMenu } = await import("./UserMenu");
  const { PageViewerProvider } = await import("./PageViewer");
  render(
    <MantineProvider>
      <PageViewerProvider viewer={viewer}>
        <UserMenu />
      </PageViewerProvider>
    </MantineProvider>,
  );
}

const requests: { url: string; method: string; body?: string }[] = [];

beforeEach(() => {
  vi.resetModules();
  requests.length = 0;
  vi.stubGlobal("fetch", vi.fn(async (url: string, init?: RequestInit) => {
    requests.push({ url, method: init?.method ?? "GET", body: init?.body?.toString() });
    const json = (body: unknown) => new Response(JSON.stringify(body), { headers: { "content-type": "application/json" } });
    if (url.endsWith("/api/auth/session")) return json({ user: { name: "alice@example.com", groups: ["orrery:admins", "team-a"] }, expires: "2030-01-01T00:00:00Z" });
    if (url.endsWith("/api/auth/csrf")) return json({ csrfToken: "csrf-123" });
    if (url.endsWith("/api/auth/logout")) return json({ url: "https://idp.example/session/end?id_token_hint=x" });
    return new Response("{}", { status: 404 });
  }));
  window.matchMedia ??= ((query: string) => ({ matches: false, media: query, addEventListener() {}, removeEventListener() {}, addListener() {}, removeListener() {}, onchange: null, dispatchEvent: () => false })) as typeof window.matchMedia;
});

afterEach(() => {
  cleanup();
  setAuthServices(undefined);
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe("UserMenu", () => {
  test("shows the person, their groups, and signs out through the provider's logout URL", async () => {
    const assign = vi.spyOn(window.location, "assign").mockImplementation(() => undefined);
    await renderMenu();
    const button = await screen.findByRole("button", { name: "Signed in as alice@example.com" });
    fireEvent.click(button);
    expect(await screen.findByText("orrery:admins")).toBeTruthy();
    expect(screen.getByText("team-a")).toBeTruthy();
    // Mantine keeps the dropdown display:none until it is positioned, which happy-dom never does.
    fireEvent.click(await screen.findByRole("menuitem", { name: "Sign out", hidden: true }));
    await waitFor(() => expect(assign).toHaveBeenCalledWith("https://idp.example/session/end?id_token_hint=x"));
    const logout = requests.find((request) => request.url.endsWith("/api/auth/logout"))!;
    expect(logout.method).toBe("POST");
    expect(new URLSearchParams(logout.body).get("csrfToken")).toBe("csrf-123");
  });

  test("a logout the server refuses says so, and the person stays signed in", async () => {
    setAuthServices(servicesWith(basicSettings(), new TestClock()));
    // The real login routes answer csrf and logout; this browser lost its CSRF cookie, so the logout is refused.
    vi.stubGlobal("fetch", vi.fn(async (url: string, init?: RequestInit) => {
      if (url.endsWith("/api/auth/session")) return Response.json({ user: { name: "alice", groups: [] }, expires: "2030-01-01T00:00:00Z" });
      const request = new Request(new URL(url, "http://127.0.0.1:3000"), { method: init?.method ?? "GET", headers: { host: "127.0.0.1:3000", ...(init?.headers as Record<string, string>) }, body: init?.body ?? null });
      return url.endsWith("/api/auth/logout") ? handleLogout(request) : handleAuthRoute(request, ["csrf"]);
    }));
    const assign = vi.spyOn(window.location, "assign").mockImplementation(() => undefined);
    await renderMenu();
    fireEvent.click(await screen.findByRole("button", { name: "Signed in as alice" }));
    fireEvent.click(await screen.findByRole("menuitem", { name: "Sign out", hidden: true }));
    expect((await screen.findByRole("alert")).textContent).toBe("Sign out failed: missing or wrong csrfToken; fetch one from /api/auth/csrf");
    expect(assign).not.toHaveBeenCalled();
  });

  test("with login off the header asks for no session", async () => {
    await renderMenu({ ...signedIn, signedIn: false });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByRole("button", { name: /^Signed in as/ })).toBeNull();
    expect(requests.map((request) => request.url)).toEqual([]);
  });
});
