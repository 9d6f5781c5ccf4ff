import type { Metadata } from "next";
import { TopologyPage } from "@/components/topology/page/TopologyPage";

export const metadata: Metadata = { title: "Topology · Orrery" };

export default function Topology() {
  return <TopologyPage />;
}
