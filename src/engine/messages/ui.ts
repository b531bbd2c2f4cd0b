import type { MessageTable } from "./table";

/** Messages of the ui area (keys prefixed "ui." or the model's own prefix). */
export const uiMessages = {} satisfies MessageTable;
