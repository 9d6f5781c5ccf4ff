/**
 * Interns label names and values in one table so each distinct string is held once. Strings are
 * reference-counted by the series that use them, so pod churn does not grow the table forever.
 */
export class SymbolTable {
  private readonly ids = new Map<string, number>();
  private readonly strings: string[] = [];
  private readonly uses: number[] = [];
  private readonly free: number[] = [];

  /** Returns the string's id and counts one more use of it. */
  acquire(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.free.pop() ?? this.strings.length;
      this.strings[id] = text;
      this.uses[id] = 0;
      this.ids.set(text, id);
    }
    this.uses[id]!++;
    return id;
  }

  /** Counts one use fewer; the id is reused once nothing uses it. */
  release(id: number): void {
    const left = --this.uses[id]!;
    if (left > 0) return;
    this.ids.delete(this.strings[id]!);
    this.strings[id] = "";
    this.free.push(id);
  }

  /** The id of a string already interned, else undefined (so lookups never grow the table). */
  lookup(text: string): number | undefined {
    return this.ids.get(text);
  }

  text(id: number): string {
    const text = this.strings[id];
    if (text === undefined) throw new Error(`unknown symbol ${id}`);
    return text;
  }

  get size(): number {
    return this.ids.size;
  }
}
