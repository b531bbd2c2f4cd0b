import type { MessageTable } from "./table";

/** Messages of the scenario area (keys prefixed "scenario." or the model's own prefix). */
export const scenarioMessages = {} satisfies MessageTable;
