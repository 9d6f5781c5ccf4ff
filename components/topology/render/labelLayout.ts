// Which labels fit: dense maps overlap names at close zoom, so a label is kept only where it does not cover one
// already kept, the ones nearest the middle of the screen first.

/** Rough width of one character of LABEL_FONT (11px system-ui); canvas text measurement per label would cost more than it saves. */
const CHAR_WIDTH_PX = 6.2;
const LABEL_HEIGHT_PX = 13;
const PADDING_PX = 2;
const CELL_PX = 64;

export interface LabelCandidate {
  /** Top centre of the label, in CSS pixels. */
  x: number;
  y: number;
  text: string;
}

interface Box { left: number; top: number; right: number; bottom: number }

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** Indices (into `candidates`, which come in priority order) of the labels kept, at most `limit`. */
export function keepLabelsThatFit(candidates: readonly LabelCandidate[], limit: number): number[] {
  const cells = new Map<string, Box[]>();
  const kept: number[] = [];
  for (let i = 0; i < candidates.length && kept.length < limit; i++) {
    const { x, y, text } = candidates[i]!;
    const half = (text.length * CHAR_WIDTH_PX) / 2 + PADDING_PX;
    const box = { left: x - half, top: y, right: x + half, bottom: y + LABEL_HEIGHT_PX };
    const keys = cellKeys(box);
    if (keys.some((key) => cells.get(key)?.some((other) => overlaps(box, other)))) continue;
    for (const key of keys) {
      const list = cells.get(key);
      if (list) list.push(box);
      else cells.set(key, [box]);
    }
    kept.push(i);
  }
  return kept;
}

function cellKeys(box: Box): string[] {
  const keys: string[] = [];
  for (let cx = Math.floor(box.left / CELL_PX); cx <= Math.floor(box.right / CELL_PX); cx++) {
    for (let cy = Math.floor(box.top / CELL_PX); cy <= Math.floor(box.bottom / CELL_PX); cy++) keys.push(`${cx},${cy}`);
  }
  return keys;
}
