/**
 * Shares one copy of each repeated string value ("True", "Running", image names, timestamps):
 * JSON.parse gives every object its own copies, which is a third of a pod's memory.
 * Two generations bound the table: unique strings (names, uids) age out instead of piling up.
 */
export class StringInterner {
  private current = new Map<string, string>();
  private previous = new Map<string, string>();

  constructor(
    private readonly generationSize = 100_000,
    /** Longer strings are almost always unique (certificates, last-applied configuration). */
    private readonly maxLength = 128,
  ) {}

  /** Strings held by the table (both generations). */
  get size(): number {
    return this.current.size + this.previous.size;
  }

  intern(value: string): string {
    if (value.length > this.maxLength) return value;
    const found = this.current.get(value);
    if (found !== undefined) return found;
    const older = this.previous.get(value) ?? value;
    if (this.current.size >= this.generationSize) {
      this.previous = this.current;
      this.current = new Map();
    }
    this.current.set(older, older);
    return older;
  }
}
