// Where labels go: each wants a spot beside its node (below, right, left, above, in that order), and takes the first
// that covers neither a label already placed nor any node's shape; a label with no free spot is left out.

/** Rough width of one character of LABEL_FONT (11px system-ui); canvas text measurement per label would cost more than it saves. */
const CHAR_WIDTH_PX = 6.2;
export const LABEL_HEIGHT_PX = 13;
/** Space kept between a label and its node's shape (and its pods ring), in CSS pixels. */
const GAP_PX = 2;
const PADDING_PX = 2;
const CELL_PX = 64;

/** A node on screen, in CSS pixels: its centre and the radius its shape (with ring) reaches. */
export interface ScreenCircle { x: number; y: number; r: number }

export interface LabelRequest extends ScreenCircle {
  /** What the caller knows the label by (a scene index). */
  index: number;
  text: string;
}

export interface Box { left: number; top: number; right: number; bottom: number }

export interface PlacedLabel {
  index: number;
  text: string;
  /** Centre of the text, horizontally, and its top, in CSS pixels (textAlign centre, baseline top). */
  x: number;
  y: number;
  box: Box;
}

export const boxesOverlap = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** Whether a circle and a box share any area. */
export function circleOverlapsBox(circle: ScreenCircle, box: Box): boolean {
  const nearestX = Math.max(box.left, Math.min(circle.x, box.right));
  const nearestY = Math.max(box.top, Math.min(circle.y, box.bottom));
  return (circle.x - nearestX) ** 2 + (circle.y - nearestY) ** 2 < circle.r * circle.r;
}

export function labelWidth(text: string): number {
  return text.length * CHAR_WIDTH_PX + 2 * PADDING_PX;
}

/** The four spots beside a node, best first, as boxes. */
function candidateBoxes(request: LabelRequest): Box[] {
  const width = labelWidth(request.text);
  const { x, y, r } = request;
  const reach = r + GAP_PX;
  const centred = (top: number): Box => ({ left: x - width / 2, top, right: x + width / 2, bottom: top + LABEL_HEIGHT_PX });
  const middle = y - LABEL_HEIGHT_PX / 2;
  return [
    centred(y + reach),
    { left: x + reach, top: middle, right: x + reach + width, bottom: middle + LABEL_HEIGHT_PX },
    { left: x - reach - width, top: middle, right: x - reach, bottom: middle + LABEL_HEIGHT_PX },
    centred(y - reach - LABEL_HEIGHT_PX),
  ];
}

/** A grid of buckets so each test looks only at nearby boxes and circles. */
class Grid<T> {
  private readonly cells = new Map<string, T[]>();

  add(box: Box, item: T): void {
    for (const key of cellKeys(box)) {
      const list = this.cells.get(key);
      if (list) list.push(item);
      else this.cells.set(key, [item]);
    }
  }

  some(box: Box, test: (item: T) => boolean): boolean {
    return cellKeys(box).some((key) => this.cells.get(key)?.some(test) ?? false);
  }
}

/**
 * Places labels for `requests` (in priority order: the first get the best spots), avoiding each other and every circle
 * in `obstacles` (all nodes on screen, labelled or not); at most `limit` are placed.
 */
export function placeLabelBoxes(requests: readonly LabelRequest[], obstacles: readonly ScreenCircle[], limit: number): PlacedLabel[] {
  const shapes = new Grid<ScreenCircle>();
  for (const circle of obstacles) shapes.add(circleBox(circle), circle);
  const labels = new Grid<Box>();
  const placed: PlacedLabel[] = [];
  for (const request of requests) {
    if (placed.length >= limit) break;
    const box = candidateBoxes(request).find((candidate) => !labels.some(candidate, (other) => boxesOverlap(candidate, other)) && !shapes.some(candidate, (circle) => circleOverlapsBox(circle, candidate)));
    if (!box) continue;
    labels.add(box, box);
    placed.push({ index: request.index, text: request.text, x: (box.left + box.right) / 2, y: box.top, box });
  }
  return placed;
}

const circleBox = ({ x, y, r }: ScreenCircle): Box => ({ left: x - r, top: y - r, right: x + r, bottom: y + r });

function cellKeys(box: Box): string[] {
  const keys: string[] = [];
  for (let cx = Math.floor(box.left / CELL_PX); cx <= Math.floor(box.right / CELL_PX); cx++) {
    for (let cy = Math.floor(box.top / CELL_PX); cy <= Math.floor(box.bottom / CELL_PX); cy++) keys.push(`${cx},${cy}`);
  }
  return keys;
}
