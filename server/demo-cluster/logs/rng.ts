// Logs draw on the demo cluster's one seeded generator, so a key always yields the same log.
export { fnv32a as hashString, mixSeed, Rng } from "../simulation/random";
