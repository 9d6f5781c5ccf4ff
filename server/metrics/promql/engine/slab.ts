const SLAB_SIZE = 1 << 16;
let floats = new Float64Array(SLAB_SIZE);
let flags = new Uint8Array(SLAB_SIZE);
let floatsUsed = 0;
let flagsUsed = 0;

/**
 * Zeroed per-step arrays cut from shared slabs: a typed array of its own costs far more to
 * create than a view, and an instant query makes one per series per node. Slabs are never
 * reused, so a view never sees another query's data.
 */
export function allocFloats(n: number): Float64Array {
  if (n > SLAB_SIZE / 16) return new Float64Array(n);
  if (floatsUsed + n > SLAB_SIZE) {
    floats = new Float64Array(SLAB_SIZE);
    floatsUsed = 0;
  }
  const view = floats.subarray(floatsUsed, floatsUsed + n);
  floatsUsed += n;
  return view;
}

export function allocFlags(n: number): Uint8Array {
  if (n > SLAB_SIZE / 16) return new Uint8Array(n);
  if (flagsUsed + n > SLAB_SIZE) {
    flags = new Uint8Array(SLAB_SIZE);
    flagsUsed = 0;
  }
  const view = flags.subarray(flagsUsed, flagsUsed + n);
  flagsUsed += n;
  return view;
}
