/** The translation table of the custom functions (zh-CN), merged from each area. Keyed by function id. */
import { headcountTranslations } from "./headcount";
import { payTranslations } from "./pay";
import { rebidTranslations } from "./rebid";
import type { FunctionTranslations } from "./types";

export type { FunctionTranslation, FunctionTranslations } from "./types";

export const FUNCTION_TRANSLATION_SOURCES: ReadonlyArray<FunctionTranslations> = [
  rebidTranslations,
  payTranslations,
  headcountTranslations,
];

export const ZH_CN: FunctionTranslations = Object.assign({}, ...FUNCTION_TRANSLATION_SOURCES);
