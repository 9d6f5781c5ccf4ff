import { Group, Progress, Text } from "@mantine/core";
import { formatBytes, formatMillicores } from "@/lib/format/usage";
import { usageReference, type UsageCellData } from "./usageModel";

export type UsageResource = "cpu" | "memory";

const formatters: Record<UsageResource, (value: number) => string> = { cpu: formatMillicores, memory: formatBytes };
const resourceLabel: Record<UsageResource, string> = { cpu: "CPU", memory: "Memory" };
// A fixed width for the number keeps the bars of a column aligned.
const numberWidth: Record<UsageResource, number> = { cpu: 44, memory: 64 };

// Above a limit or allocatable is trouble; above a request only means the pod borrows spare room.
function barColor(ratio: number, reference: "allocatable" | "limit" | "request"): string {
  if (reference === "request") return ratio > 1 ? "yellow" : "teal";
  return ratio >= 0.9 ? "red" : ratio >= 0.7 ? "yellow" : "teal";
}

/** The sentence a cell's tooltip and accessible name carry: what is used, against what. */
export function describeUsage(resource: UsageResource, data: UsageCellData): string {
  const format = formatters[resource];
  const budget = [
    data.request !== undefined ? `request ${format(data.request)}` : undefined,
    data.limit !== undefined ? `limit ${format(data.limit)}` : undefined,
    data.allocatable !== undefined ? `allocatable ${format(data.allocatable)}` : undefined,
  ].filter(Boolean);
  const used = data.used === undefined ? `no usage: ${data.missing ?? "no sample"}` : `${format(data.used)} used`;
  return `${resourceLabel[resource]}: ${[used, ...budget].join(", ")}`;
}

/** Used CPU or memory, with a small bar against the limit, request or allocatable when there is one. */
export function UsageCell({ resource, data }: { resource: UsageResource; data: UsageCellData }) {
  const description = describeUsage(resource, data);
  if (data.used === undefined) {
    return (
      <Text size="sm" c="dimmed" w={numberWidth[resource]} ta="right" title={description} data-usage="none">
        –
      </Text>
    );
  }
  const reference = usageReference(data);
  const ratio = reference ? data.used / reference.value : undefined;
  return (
    <Group gap={6} wrap="nowrap" title={description} data-usage={data.used}>
      <Text size="sm" w={numberWidth[resource]} ta="right" style={{ flex: "none" }}>
        {formatters[resource](data.used)}
      </Text>
      {reference && ratio !== undefined && (
        <Progress
          value={Math.min(ratio, 1) * 100}
          color={barColor(ratio, reference.name)}
          size="sm"
          w={32}
          style={{ flex: "none" }}
          aria-label={description}
        />
      )}
    </Group>
  );
}
