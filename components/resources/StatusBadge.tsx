import { Badge } from "@mantine/core";
import type { StatusTone } from "@/lib/k8s/podStatus";

const toneColors: Record<StatusTone, string> = { ok: "green", progress: "blue", warning: "yellow", error: "red" };

export function StatusBadge({ status, tone }: { status: string; tone: StatusTone }) {
  return (
    <Badge color={toneColors[tone]} variant="light" radius="sm" tt="none" styles={{ label: { overflow: "visible" } }}>
      {status}
    </Badge>
  );
}
