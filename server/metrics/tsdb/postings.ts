/** Sorted, duplicate-free lists of series ids and the set operations selectors need. */
export type Postings = readonly number[];

export function intersectPostings(a: Postings, b: Postings): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      out.push(x);
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return out;
}

/** Elements of a that are not in b. */
export function subtractPostings(a: Postings, b: Postings): number[] {
  const out: number[] = [];
  let j = 0;
  for (const x of a) {
    while (j < b.length && b[j]! < x) j++;
    if (j >= b.length || b[j] !== x) out.push(x);
  }
  return out;
}

/** Union of many lists, by pairwise merging smallest first so the work stays near n log k. */
export function mergePostings(lists: readonly Postings[]): number[] {
  if (lists.length === 0) return [];
  let queue = [...lists];
  while (queue.length > 1) {
    const next: Postings[] = [];
    for (let i = 0; i < queue.length; i += 2) {
      const b = queue[i + 1];
      next.push(b ? mergeTwo(queue[i]!, b) : queue[i]!);
    }
    queue = next;
  }
  return [...queue[0]!];
}

function mergeTwo(a: Postings, b: Postings): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = i < a.length ? a[i]! : Infinity;
    const y = j < b.length ? b[j]! : Infinity;
    if (x === y) {
      out.push(x);
      i++;
      j++;
    } else if (x < y) {
      out.push(x);
      i++;
    } else {
      out.push(y);
      j++;
    }
  }
  return out;
}

/** Removes the ids of `removed` from a sorted list in place. */
export function removeFromPostings(list: number[], removed: ReadonlySet<number>): void {
  let write = 0;
  for (const id of list) if (!removed.has(id)) list[write++] = id;
  list.length = write;
}
