import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { Head } from "../head";
import type { MemSeries } from "../memSeries";
import { RecordType, scanFrames } from "./recordFrame";
import { listSegments, segmentFileName } from "./segments";
import { decodeRecord, readSamples } from "./walRecords";

export interface ReplayOutcome {
  problems: string[];
  samples: number;
  lastSegment: number;
}

/**
 * Replays segments from `fromSegment` on into the head. A torn or corrupt record ends its segment:
 * what came before is kept, the rest is reported, and replay goes on with the next segment.
 */
export function replayWal(head: Head, walDir: string, fromSegment: number): ReplayOutcome {
  const problems: string[] = [];
  // Refs are dense series ids, so an array beats a Map on the per-sample lookup.
  const seriesByRef: (MemSeries | undefined)[] = [];
  for (const series of head.allSeries()) seriesByRef[series.id] = series;
  let samples = 0;
  let unknownRefs = 0;
  const segments = listSegments(walDir);
  for (const segment of segments) {
    if (segment < fromSegment) continue;
    const file = path.join(walDir, segmentFileName(segment));
    // A device or pipe in place of a segment (a link to /dev/zero) would be read without end.
    if (!statSync(file).isFile()) {
      problems.push(`write-ahead log segment ${segmentFileName(segment)} is not a regular file; skipped`);
      continue;
    }
    const data = readFileSync(file);
    const scan = scanFrames(data, (type, r) => {
      if (type === RecordType.Samples) {
        readSamples(r, (ref, t, v) => {
          const series = seriesByRef[ref];
          if (!series) unknownRefs++;
          else if (t > series.lastT) {
            series.appendFloat(t, v);
            samples++;
          }
        });
        if (r.remaining !== 0) throw new Error(`${r.remaining} stray bytes after the record's entries`);
        return;
      }
      const batch = decodeRecord(type, r);
      for (const s of batch.newSeries) {
        const series = head.restore(s.id, s.labels);
        series.walLogged = true;
        seriesByRef[s.id] = series;
      }
      for (const { ref, t, h } of batch.histograms) {
        const series = seriesByRef[ref];
        if (!series) unknownRefs++;
        else if (t > series.lastT) {
          series.appendHistogram(t, h);
          samples++;
        }
      }
    });
    if (scan.error) {
      problems.push(
        `write-ahead log segment ${segmentFileName(segment)} is damaged: ${scan.error}; ` +
          `${scan.records} records (${scan.goodBytes} bytes) loaded, ${data.length - scan.goodBytes} bytes skipped`,
      );
    }
  }
  if (unknownRefs > 0) problems.push(`write-ahead log: ${unknownRefs} samples refer to series whose record was lost; they were skipped`);
  return { problems, samples, lastSegment: segments.at(-1) ?? fromSegment - 1 };
}
