import type { Metadata } from "next";
import { ServicesView } from "@/components/resources/ServicesView";

export const metadata: Metadata = { title: "Services · Orrery" };

export default function ServicesPage() {
  return <ServicesView />;
}
