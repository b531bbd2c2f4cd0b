import type { MessageTable } from "./table";

/** Messages of the sample area (keys prefixed "sample." or the model's own prefix). */
export const sampleMessages = {} satisfies MessageTable;
