import type { Metadata } from "next";
import { PodsView } from "@/components/resources/PodsView";

export const metadata: Metadata = { title: "Pods · Orrery" };

export default function PodsPage() {
  return <PodsView />;
}
