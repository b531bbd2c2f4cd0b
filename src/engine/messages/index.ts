/**
 * The one message table: every user-facing string, in zh-CN and en.
 * Each area keeps its entries in its own file; this module merges them and checks for clashes
 * (see messages.test.ts).
 */
import type { Lang, MessageParams, Problem } from "../types";
import { cliMessages } from "./cli";
import { commonMessages } from "./common";
import { headcountMessages } from "./headcount";
import { hostMessages } from "./host";
import { payMessages } from "./pay";
import { rebidMessages } from "./rebid";
import { sampleMessages } from "./sample";
import { scenarioMessages } from "./scenario";
import { uiMessages } from "./ui";
import type { MessageTable, MessageText } from "./table";

export type { MessageTable, MessageText } from "./table";

/** All message sources, in a list so that a test can find keys defined twice. */
export const MESSAGE_SOURCES: ReadonlyArray<MessageTable> = [
  commonMessages,
  rebidMessages,
  payMessages,
  headcountMessages,
  scenarioMessages,
  sampleMessages,
  uiMessages,
  cliMessages,
  hostMessages,
];

export const MESSAGES: Readonly<Record<string, MessageText>> = Object.assign({}, ...MESSAGE_SOURCES);

/**
 * The text of a message in a language, with `{param}` placeholders filled in.
 * An unknown key returns the key itself, so a missing entry shows up rather than disappearing.
 *
 * @example t("cell.notNumber", "en", { column: "Written", value: "abc" })
 *   // => "“Written” value “abc” is not a number"
 */
export function t(key: string, lang: Lang, params?: MessageParams): string {
  const entry = MESSAGE_MAP.get(key);
  const template = entry ? entry[lang] : key;
  if (!params) return template;
  const parts = templateParts(template);
  if (parts.length === 1) return template;
  // parts: text, name, text, name, …, text; a name without a parameter stays as "{name}".
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i];
    out += (Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : `{${name}}`) + parts[i + 1];
  }
  return out;
}

/**
 * Labels `prefix.<name>` in one language, each looked up once: for result sheets that label every row.
 *
 * @example const rule = labels("pay.rule", "zh"); rule("notBelow") // => "就近就高"
 */
export function labels(prefix: string, lang: Lang): (name: string) => string {
  const cache = new Map<string, string>();
  return (name) => {
    let label = cache.get(name);
    if (label === undefined) cache.set(name, (label = t(`${prefix}.${name}`, lang)));
    return label;
  };
}

/** The same table as a Map: result sheets call `t` once or more per row, 100 000 rows at a time. */
const MESSAGE_MAP: ReadonlyMap<string, MessageText> = new Map(Object.entries(MESSAGES));

/** Templates split at their `{name}` placeholders, once per template. */
const TEMPLATE_PARTS = new Map<string, string[]>();

function templateParts(template: string): string[] {
  let parts = TEMPLATE_PARTS.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/);
    // Bounded: unknown keys (which are their own template) could otherwise grow it without end.
    if (TEMPLATE_PARTS.size < 10_000) TEMPLATE_PARTS.set(template, parts);
  }
  return parts;
}

/**
 * Maps an Office display language (e.g. "zh-CN", "zh-TW", "en-US") or a user choice to our language.
 *
 * @example langFromLocale("zh-CN") // => "zh"
 */
export function langFromLocale(locale: string | null | undefined): Lang {
  return typeof locale === "string" && /^zh\b/i.test(locale.trim()) ? "zh" : "en";
}

/** Converts a 0-based column index to Excel letters: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function displayValue(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}

/**
 * A problem as one line in the user's language, naming table, row, column and value.
 *
 * @example formatProblem({ severity: "error", table: "staff", tableName: "Staff", tableRow: 5,
 *   column: "Written", value: "abc", key: "cell.notNumber" }, "en")
 *   // => "Error: table “Staff”, row 5, column “Written”: “Written” value “abc” is not a number"
 */
export function formatProblem(p: Problem, lang: Lang): string {
  const table = p.tableName ?? p.table;
  const params: Record<string, string | number> = {
    table,
    column: p.column ?? "",
    value: displayValue(p.value),
    ...(p.params ?? {}),
  };
  let where: string;
  if (p.tableRow !== undefined && p.column !== undefined) {
    where = t("problem.where", lang, { table, row: p.tableRow, column: p.column });
  } else if (p.tableRow !== undefined) {
    where = t("problem.whereRow", lang, { table, row: p.tableRow });
  } else {
    where = t("problem.whereTable", lang, { table });
  }
  const sep = lang === "zh" ? "：" : ": ";
  return `${t(`severity.${p.severity}`, lang)}${sep}${where}${sep}${t(p.key, lang, params)}`;
}
