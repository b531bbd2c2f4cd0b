import type { MessageTable } from "./table";

/** Messages of the rebid area (keys prefixed "rebid." or the model's own prefix). */
export const rebidMessages = {} satisfies MessageTable;
