import type { FunctionTranslations } from "./types";

/** zh-CN names and descriptions of the headcount custom functions, keyed by function id. */
export const headcountTranslations: FunctionTranslations = {};
