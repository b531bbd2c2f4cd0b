/**
 * The parameter form as plain functions: the fields a pane shows, their defaults from the Scenarios
 * baseline row, and the reading of what the user typed back into a parameter set (with the same
 * parser as the Scenarios table, so the form and the table accept the same spellings).
 */
import { formatDay } from "../engine/parse";
import { PARAMS, parseParam, type ParamDef, type ParamSet, type ParamValue } from "../engine/scenario/params";
import type { Lang } from "../engine/types";
import { t } from "../engine/messages";

/** Form values by parameter key, as the inputs hold them; "" means "engine default". */
export type FormValues = Record<string, string>;

/** The definition of a parameter key (PARAMS), or undefined for an unknown key. */
export function paramDef(key: string): ParamDef | undefined {
  return PARAMS.find((p) => p.key === key);
}

/** A parameter's label in a language. */
export function paramLabel(key: string, lang: Lang): string {
  const def = paramDef(key);
  if (def) return def[lang];
  const m = /^(weight|ratingCap):(.+)$/.exec(key);
  if (m)
    return lang === "zh"
      ? `${m[2]}${m[1] === "weight" ? "权重" : "比例上限"}`
      : `${m[2]} ${m[1] === "weight" ? "weight" : "max share"}`;
  return key;
}

/** The label of one value of an enum parameter. */
export function enumLabel(key: string, value: string, lang: Lang): string {
  return t(`ui.enum.${key}.${value}`, lang);
}

/** A parameter value as a form field holds it. */
export function valueToField(def: ParamDef, value: ParamValue | undefined): string {
  if (value === undefined) return "";
  if (def.type === "yesno") return value === true ? "yes" : value === false ? "no" : "";
  if (def.type === "date" && typeof value === "number") return formatDay(value);
  return String(value);
}

/**
 * The form's starting values: the baseline scenario's values for the pane's keys, blank elsewhere.
 *
 * @example formDefaults(["mechanism", "decimals"], { mechanism: "sequential" }) // => { mechanism: "sequential", decimals: "" }
 */
export function formDefaults(keys: ReadonlyArray<string>, baseline: ParamSet | undefined): FormValues {
  const out: FormValues = {};
  for (const k of keys) {
    const def = paramDef(k);
    out[k] = def ? valueToField(def, baseline?.[k]) : "";
  }
  return out;
}

export interface FormRead {
  params: Record<string, ParamValue>;
  /** Keys whose value cannot be read (out of range, not a number, unknown choice). */
  invalid: string[];
}

/**
 * Reads the form back into parameters: blank fields are left out (the engine's default applies),
 * unreadable ones listed in `invalid`.
 *
 * @example formToParams({ decimals: "2", bottomRatio: "5%" }).params // => { decimals: 2, bottomRatio: 0.05 }
 */
export function formToParams(values: FormValues): FormRead {
  const params: Record<string, ParamValue> = {};
  const invalid: string[] = [];
  for (const [k, raw] of Object.entries(values)) {
    const def = paramDef(k);
    if (!def) continue;
    const v = parseParam(def, raw);
    if (v === null) invalid.push(k);
    else if (v !== undefined) params[k] = v;
  }
  return { params, invalid };
}

/**
 * The parameters of a run from a pane: the baseline scenario's whole set (so weights and other settings
 * the pane does not show still apply), with the pane's own keys taken from the form — a field the user
 * cleared falls back to the engine's default rather than the baseline.
 *
 * @example runParams({ mechanism: "parallel", "weight:面试": 0.5 }, ["mechanism"], { mechanism: "sequential" })
 *   // => { "weight:面试": 0.5, mechanism: "sequential" }
 */
export function runParams(
  baseline: ParamSet | undefined,
  paneKeys: ReadonlyArray<string>,
  form: Readonly<Record<string, ParamValue>>,
): Record<string, ParamValue> {
  const out: Record<string, ParamValue> = { ...(baseline ?? {}) };
  for (const k of paneKeys) delete out[k];
  return { ...out, ...form };
}
