/**
 * A frozen lookup table without a prototype, so that a function name such as `constructor`
 * or `toString` finds nothing instead of an Object method.
 */
export function kernelTable<T>(entries: Record<string, T>): Record<string, T> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}
