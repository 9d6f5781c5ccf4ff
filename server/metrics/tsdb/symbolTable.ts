/** Interns label names and values in one table so each distinct string is held once. */
export class SymbolTable {
  private readonly ids = new Map<string, number>();
  private readonly strings: string[] = [];

  intern(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(text);
      this.ids.set(text, id);
    }
    return id;
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
    return this.strings.length;
  }
}
