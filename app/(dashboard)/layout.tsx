import { Suspense, type ReactNode } from "react";
import { DashboardShell } from "@/components/ui/DashboardShell";
import { DetailsDrawer } from "@/components/details/DetailsDrawer";

export default function DashboardLayout({ children }: { children: ReactNode }) {
  return (
    <Suspense>
      <DashboardShell>
        {children}
        <DetailsDrawer />
      </DashboardShell>
    </Suspense>
  );
}
