/** Samples per chunk, as in Prometheus: small enough to decode quickly, big enough to compress well. */
export const MAX_CHUNK_SAMPLES = 120;
/** The sample count sits in the first two bytes, the bit stream follows. */
export const HEADER_BITS = 16;
/** No XOR window has been set yet. */
export const NO_WINDOW = 0xff;
