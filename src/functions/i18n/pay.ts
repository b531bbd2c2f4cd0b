import type { FunctionTranslations } from "./types";

/** zh-CN names and descriptions of the pay custom functions, keyed by function id. */
export const payTranslations: FunctionTranslations = {};
