import type { LabelMatcher } from "../storage";
import { compileMatcher } from "../model/matchers";
import { intersectPostings, mergePostings, removeFromPostings, subtractPostings, type Postings } from "./postings";
import type { SymbolTable } from "./symbolTable";

/** Postings per label pair, keyed by interned name and value ids; series ids only grow, so appends keep lists sorted. */
export class PostingsIndex {
  private readonly byName = new Map<number, Map<number, number[]>>();
  private all: number[] = [];

  constructor(private readonly symbols: SymbolTable) {}

  /** Adds a series given its label refs as [name, value, name, value, ...]. */
  add(id: number, refs: Uint32Array): void {
    this.all.push(id);
    for (let i = 0; i < refs.length; i += 2) {
      const name = refs[i]!;
      let values = this.byName.get(name);
      if (!values) {
        values = new Map();
        this.byName.set(name, values);
      }
      const list = values.get(refs[i + 1]!);
      if (list) list.push(id);
      else values.set(refs[i + 1]!, [id]);
    }
  }

  remove(removed: ReadonlySet<number>, refsOf: (id: number) => Uint32Array): void {
    const touched = new Set<number[]>();
    for (const id of removed) {
      const refs = refsOf(id);
      for (let i = 0; i < refs.length; i += 2) {
        const list = this.byName.get(refs[i]!)?.get(refs[i + 1]!);
        if (list) touched.add(list);
      }
    }
    for (const list of touched) removeFromPostings(list, removed);
    removeFromPostings(this.all, removed);
    this.dropEmpty();
  }

  /** Ids of series matching every matcher, ascending. */
  select(matchers: readonly LabelMatcher[]): number[] {
    let result: number[] | undefined;
    // Matchers that select by inclusion are cheapest and shrink the set first.
    const ordered = [...matchers].sort((a, b) => costOf(a) - costOf(b));
    for (const m of ordered) {
      const ids = this.postingsFor(m);
      result = result === undefined ? [...ids] : intersectPostings(result, ids);
      if (result.length === 0) return result;
    }
    return result ?? [...this.all];
  }

  /** Names with at least one series, as symbol ids. */
  nameIds(): number[] {
    return [...this.byName.keys()];
  }

  valueIds(nameId: number): number[] {
    return [...(this.byName.get(nameId)?.keys() ?? [])];
  }

  allIds(): Postings {
    return this.all;
  }

  private postingsFor(m: LabelMatcher): Postings {
    const values = this.namePostings(m.name);
    if (m.type === "=" && m.value !== "") {
      const valueId = this.symbols.lookup(m.value);
      return (valueId === undefined ? undefined : values?.get(valueId)) ?? [];
    }
    const test = compileMatcher(m);
    const matchesEmpty = test("");
    const lists: Postings[] = [];
    for (const [valueId, ids] of values ?? []) {
      if (test(this.symbols.text(valueId)) !== matchesEmpty) lists.push(ids);
    }
    // A matcher true for "" also takes every series without the label, so subtract the values it refuses.
    return matchesEmpty ? subtractPostings(this.all, mergePostings(lists)) : mergePostings(lists);
  }

  private namePostings(name: string): Map<number, number[]> | undefined {
    const nameId = this.symbols.lookup(name);
    return nameId === undefined ? undefined : this.byName.get(nameId);
  }

  private dropEmpty(): void {
    for (const [name, values] of this.byName) {
      for (const [value, list] of values) if (list.length === 0) values.delete(value);
      if (values.size === 0) this.byName.delete(name);
    }
  }
}

function costOf(m: LabelMatcher): number {
  if (m.type === "=" && m.value !== "") return 0;
  if (m.type === "=~") return 1;
  return 2;
}
