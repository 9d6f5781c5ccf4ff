export { TsdbStorage, createMemoryStorage, type StoreHealth } from "./tsdbStorage";
export type { RetentionPolicy, RetentionOutcome } from "./retention";
export { openStorage, openStorageWithReport, type OpenStorageOptions } from "./openStorage";
export { headStats, type TsdbStatus, type Stat } from "./headStats";
