import { Suspense, type ReactNode } from "react";
import { DashboardShell } from "@/components/ui/DashboardShell";
import { DetailsDrawer } from "@/components/details/DetailsDrawer";
import { RedirectToLogin } from "@/components/auth/RedirectToLogin";
import { SessionKeepAlive } from "@/components/auth/SessionKeepAlive";
import { authenticatePageRequest } from "@/server/auth/pageSession";
import { getRuntime } from "@/server/runtime";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  // Checked on the server for every page: without a login nothing of the page is rendered.
  const person = await authenticatePageRequest();
  if (!person) return <RedirectToLogin loginHref={`${process.env.ORRERY_BASE_PATH ?? ""}/login`} />;
  return (
    <Suspense>
      {person.via === "session" && <SessionKeepAlive />}
      <DashboardShell embedded={person.via === "embed"} demo={getRuntime().connection.source === "demo"}>
        {children}
        <DetailsDrawer />
      </DashboardShell>
    </Suspense>
  );
}
