/** Re-bidding (全员竞聘上岗, DOMAIN §3): everything others call. */
export * from "./types";
export { rebid, resolveSettings } from "./engine";
export { normalizeComponent, weightedComposite } from "./composite";
export { bottomRank, type BottomSettings } from "./bottom";
export { rebidFromTables, isDefaultCategory } from "./fromTables";
export { renderReason, reasonItemText, outcomeText, tieText } from "./reason";
export { rebidSheets } from "./sheets";
