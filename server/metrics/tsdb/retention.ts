import type { Head } from "./head";

export interface RetentionPolicy {
  /** Keep samples newer than the newest sample minus this. */
  retentionMs?: number;
  /** Keep at most this many bytes of chunk data; the oldest chunks go first. */
  retentionBytes?: number;
}

export interface RetentionOutcome {
  cutoff: number;
  freedBytes: number;
  removedSeries: number;
}

/** Drops whole chunks older than the time limit, then the oldest chunks until the byte budget holds. */
export function applyRetention(head: Head, policy: RetentionPolicy): RetentionOutcome {
  let cutoff = -Infinity;
  if (policy.retentionMs !== undefined) {
    const newest = newestTimestamp(head);
    if (newest > -Infinity) cutoff = newest - policy.retentionMs;
  }
  if (policy.retentionBytes !== undefined) cutoff = Math.max(cutoff, byteCutoff(head, policy.retentionBytes));
  if (cutoff === -Infinity) return { cutoff, freedBytes: 0, removedSeries: 0 };
  let freedBytes = 0;
  for (const s of head.allSeries()) freedBytes += s.dropBefore(cutoff);
  // A sample older than what was dropped would bring back a hole's edge; refuse it as too old.
  head.minValidTime = Math.max(head.minValidTime, cutoff);
  return { cutoff, freedBytes, removedSeries: head.removeEmptySeries() };
}

export function headChunkBytes(head: Head): number {
  let bytes = 0;
  for (const s of head.allSeries()) bytes += s.chunkBytes();
  return bytes;
}

function newestTimestamp(head: Head): number {
  let newest = -Infinity;
  for (const s of head.allSeries()) if (s.lastT > newest) newest = s.lastT;
  return newest;
}

/** The time before which closed chunks must go so that the rest fits in `budget` bytes. */
function byteCutoff(head: Head, budget: number): number {
  const total = headChunkBytes(head);
  if (total <= budget) return -Infinity;
  const ends: number[] = [];
  const sizes: number[] = [];
  for (const s of head.allSeries()) {
    for (let i = 0; i < s.chunks.length; i++) {
      ends.push(s.chunkMaxt[i]!);
      sizes.push(s.chunks[i]!.length);
    }
  }
  const order = ends.map((_, i) => i).sort((a, b) => ends[a]! - ends[b]!);
  let remaining = total;
  let cutoff = -Infinity;
  for (const i of order) {
    if (remaining <= budget) break;
    remaining -= sizes[i]!;
    cutoff = ends[i]! + 1;
  }
  return cutoff;
}
