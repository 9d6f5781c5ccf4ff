"use client";
import { formatAge } from "@/lib/format/age";
import { useNow } from "@/components/ui/useNow";

/** kubectl-style age that keeps counting while it is on screen. */
export function Age({ timestamp }: { timestamp: string | undefined }) {
  const now = useNow();
  return (
    <time dateTime={timestamp} title={timestamp}>
      {formatAge(timestamp, now)}
    </time>
  );
}
