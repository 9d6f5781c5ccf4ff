import type { Metadata } from "next";
import { NodesView } from "@/components/resources/NodesView";

export const metadata: Metadata = { title: "Nodes · Orrery" };

export default function NodesPage() {
  return <NodesView />;
}
