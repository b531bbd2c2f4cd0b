import type { FunctionTranslations } from "./types";

/** zh-CN names and descriptions of the rebid custom functions, keyed by function id. */
export const rebidTranslations: FunctionTranslations = {};
