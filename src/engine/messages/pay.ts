import type { MessageTable } from "./table";

/** Messages of the pay area (keys prefixed "pay." or the model's own prefix). */
export const payMessages = {} satisfies MessageTable;
