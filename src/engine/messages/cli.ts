import type { MessageTable } from "./table";

/** Messages of the cli area (keys prefixed "cli." or the model's own prefix). */
export const cliMessages = {} satisfies MessageTable;
