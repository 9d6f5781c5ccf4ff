import type { Metadata } from "next";
import { WorkloadsView } from "@/components/resources/WorkloadsView";

export const metadata: Metadata = { title: "Workloads · Orrery" };

export default function WorkloadsPage() {
  return <WorkloadsView />;
}
