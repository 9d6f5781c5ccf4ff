// @vitest-environment happy-dom
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { MantineProvider } from "@mantine/core";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { Person } from "@/server/auth/person";
import { auditLogFor } from "@/server/audit/audit";
import { createEmbedTokenAs, embedListingAs, type EmbedApiDeps } from "@/server/embed/embedApi";
import { EmbedTokens } from "@/server/embed/embedTokens";
import { log } from "@/server/log";
import { orreryFetch } from "@/components/testing/orreryFetch";
import { EmbedDialog } from "./EmbedDialog";

const admin: Person = { name: "alice", groups: ["orrery:admins"], via: "session", readOnly: false };
const dev: Person = { name: "dev", groups: ["developers"], via: "session", readOnly: false };
let deps: EmbedApiDeps;

// The handlers of app/api/embed/route.ts, on the real embed API.
function embedApiAs(person: Person | null) {
  return orreryFetch(person, async (req, { person: asker }) => {
    if (req.method === "GET") return Response.json(await embedListingAs(deps, asker));
    return Response.json(await createEmbedTokenAs(deps, asker, await req.json()), { status: 201 });
  });
}

function showDialog(scope = "/pods?ns=shop") {
  const client = new QueryClient({ defaultOptions: { queries: { retryDelay: 0 }, mutations: { retryDelay: 0 } } });
  render(
    <MantineProvider>
      <QueryClientProvider client={client}>
        <EmbedDialog opened onClose={() => undefined} initialScope={scope} />
      </QueryClientProvider>
    </MantineProvider>,
  );
}

beforeEach(async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), "orrery-embed-dialog-"));
  deps = { tokens: EmbedTokens.inDirectory(dataDir), adminGroup: "orrery:admins", basePath: "", dataDir, frameAncestors: ["https://portal.example.com"] };
  vi.spyOn(log, "info").mockImplementation(() => undefined);
  window.matchMedia ??= ((query: string) => ({ matches: false, media: query, addEventListener() {}, removeEventListener() {}, addListener() {}, removeListener() {}, onchange: null, dispatchEvent: () => false })) as typeof window.matchMedia;
});

afterEach(async () => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  await auditLogFor(deps.dataDir).close();
  await rm(deps.dataDir, { recursive: true, force: true });
});

describe("EmbedDialog", () => {
  test("a person outside the embed admin group reads the server's reason, for the list and for a new link", async () => {
    vi.stubGlobal("fetch", embedApiAs(dev));
    showDialog();
    const reason = 'managing embed tokens needs membership in the group "orrery:admins" (--embed-admin-group)';
    expect(await screen.findByText(reason)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Create link" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toBe(`No token was made${reason}`);
    expect(document.body.textContent).not.toContain("[object Object]");
  });

  test("a view that cannot be embedded is refused with the server's words", async () => {
    vi.stubGlobal("fetch", embedApiAs(admin));
    showDialog("/secrets");
    expect(await screen.findByText("No embed tokens have been issued.")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Create link" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toMatch(/^No token was madescope "\/secrets" is not an embeddable view; use one of \/pods, /);
  });

  test("names the sites that may frame Orrery, and hands out iframe code for them", async () => {
    deps = { ...deps, frameAncestors: ["https://portal.example.com", "'self'"] };
    vi.stubGlobal("fetch", embedApiAs(admin));
    showDialog();
    const notice = await screen.findByRole("status", { name: /Orrery in an iframe/ });
    expect(notice.textContent).toContain("https://portal.example.com");
    expect(notice.textContent).toContain(`${window.location.origin} (Orrery itself)`);
    fireEvent.click(screen.getByRole("button", { name: "Create link" }));
    expect((await screen.findByLabelText("Embed code")).textContent).toMatch(/^<iframe src="http[^"]+\/pods\?ns=shop&embed=/);
  });

  test("when no site may frame Orrery, it says so, shows the setting, and gives a link instead of iframe code", async () => {
    deps = { ...deps, frameAncestors: [] };
    vi.stubGlobal("fetch", embedApiAs(admin));
    showDialog();
    const notice = await screen.findByRole("status", { name: /Orrery in an iframe/ });
    expect(notice.textContent).toContain("No site may show Orrery in an iframe yet");
    expect(notice.textContent).toContain("--frame-ancestors https://portal.example.com");
    expect(notice.textContent).toContain("ORRERY_FRAME_ANCESTORS=https://portal.example.com");
    fireEvent.click(screen.getByRole("button", { name: "Create link" }));
    expect((await screen.findByLabelText("Embed link")).textContent).toMatch(/\/pods\?ns=shop&embed=/);
    expect(screen.queryByLabelText("Embed code")).toBeNull();
    expect(document.body.textContent).not.toContain("<iframe");
  });

  test("an ended login says to sign in again", async () => {
    vi.stubGlobal("fetch", embedApiAs(null));
    showDialog();
    expect(await screen.findByText(/^login required: sign in at \/login/)).toBeTruthy();
  });
});
