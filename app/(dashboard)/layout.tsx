import { Suspense, type ReactNode } from "react";
import { DashboardShell } from "@/components/ui/DashboardShell";
import { DetailsDrawer } from "@/components/details/DetailsDrawer";
import { PageViewerProvider, type PageViewer } from "@/components/auth/PageViewer";
import { RedirectToLogin } from "@/components/auth/RedirectToLogin";
import { SessionKeepAlive } from "@/components/auth/SessionKeepAlive";
import { authenticatePageRequest } from "@/server/auth/pageSession";
import { mayManageEmbedTokens } from "@/server/embed/embedAdmin";
import { currentSecuritySettings } from "@/server/http/securitySettings";
import { getRuntime } from "@/server/runtime";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  // Checked on the server for every page: without a login nothing of the page is rendered.
  const person = await authenticatePageRequest();
  if (!person) return <RedirectToLogin loginHref={`${process.env.ORRERY_BASE_PATH ?? ""}/login`} />;
  // What the header offers comes with the page, so it asks nothing that would be refused (a 403 in the console).
  const viewer: PageViewer = {
    signedIn: person.via === "session",
    embedded: person.via === "embed",
    mayManageEmbedTokens: mayManageEmbedTokens(person, currentSecuritySettings().embedAdminGroup),
  };
  return (
    <Suspense>
      {viewer.signedIn && <SessionKeepAlive />}
      <PageViewerProvider viewer={viewer}>
        <DashboardShell embedded={viewer.embedded} demo={getRuntime().connection.source === "demo"}>
          {children}
          <DetailsDrawer />
        </DashboardShell>
      </PageViewerProvider>
    </Suspense>
  );
}
