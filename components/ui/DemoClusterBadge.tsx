"use client";
import { useId } from "react";
import { Badge, Tooltip, VisuallyHidden } from "@mantine/core";

export const demoClusterExplanation =
  "Orrery is showing its built-in simulated cluster, not a real one. To see a real cluster, start Orrery with --kubeconfig <path> (or set KUBECONFIG, or run it in a pod with a service account).";

/** Says on every page that the cluster shown is the built-in demo, so it is never taken for a real one. */
export function DemoClusterBadge({ size = "md" }: { size?: "sm" | "md" }) {
  const descriptionId = useId();
  return (
    <>
      {/* Hover, keyboard focus and touch all open the explanation; screen readers get it as the badge's description. */}
      <Tooltip label={demoClusterExplanation} multiline w={320} withArrow events={{ hover: true, focus: true, touch: true }}>
        {/* Black text on yellow reads at more than 4.5:1 in both colour schemes; autoContrast picks the text colour. */}
        <Badge component="span" role="note" tabIndex={0} aria-label="Demo cluster" aria-describedby={descriptionId} color="yellow" variant="filled" autoContrast size={size} style={{ flexShrink: 0 }}>
          Demo cluster
        </Badge>
      </Tooltip>
      <VisuallyHidden id={descriptionId}>{demoClusterExplanation}</VisuallyHidden>
    </>
  );
}
