import type { MessageTable } from "./table";

/** Messages of the headcount area (keys prefixed "headcount." or the model's own prefix). */
export const headcountMessages = {} satisfies MessageTable;
