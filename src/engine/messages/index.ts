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
  const entry = MESSAGES[key];
  const template = entry ? entry[lang] : key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
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
