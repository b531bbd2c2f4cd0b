/**
 * Cell parsing shared by every table: headers, numbers, yes/no, education levels, dates.
 * Each parser returns `undefined` for a blank cell and `null` for a value it cannot read,
 * so callers can tell "missing" from "wrong".
 */
import type { CellValue } from "./types";

/**
 * Normalises a header or a name for matching: Unicode NFKC (full-width → half-width), lower case,
 * all white space removed.
 *
 * @example normalizeHeader(" Staff  ID ") // => "staffid"
 * @example normalizeHeader("工\u3000号") // => "工号"
 */
export function normalizeHeader(value: CellValue): string {
  if (value === null || value === undefined) return "";
  return String(value)
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s\u00a0\u3000]+/g, "");
}

/** True when a cell holds nothing (null, undefined, or only white space). */
export function isBlank(value: CellValue): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === "string") return value.trim() === "";
  return false;
}

/** The text of a cell, trimmed; numbers are written without exponent where possible. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).normalize("NFKC").trim();
}

/**
 * Reads a number: numbers as they are; text with thousands separators, a leading ¥/￥, or a
 * trailing % (divided by 100). Booleans and other text are not numbers.
 *
 * @example parseNumber("1,234.5") // => 1234.5
 * @example parseNumber("30%") // => 0.3
 * @example parseNumber("abc") // => null
 */
export function parseNumber(value: CellValue): number | null | undefined {
  if (isBlank(value)) return undefined;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value !== "string") return null;
  let s = value
    .normalize("NFKC")
    .trim()
    .replace(/^[¥￥$]/, "")
    .replace(/,/g, "");
  let scale = 1;
  if (s.endsWith("%")) {
    scale = 0.01;
    s = s.slice(0, -1).trim();
  }
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s)) return null;
  const n = Number(s) * scale;
  return Number.isFinite(n) ? (scale === 1 ? n : Number(n.toPrecision(15))) : null;
}

const YES = new Set(["是", "y", "yes", "true", "1", "对", "√"]);
const NO = new Set(["否", "n", "no", "false", "0", "×"]);

/**
 * Reads a yes/no cell: 是/否, Y/N, yes/no, TRUE/FALSE, 1/0 (any case), or a boolean.
 *
 * @example parseYesNo("是") // => true
 * @example parseYesNo("N") // => false
 * @example parseYesNo("maybe") // => null
 */
export function parseYesNo(value: CellValue): boolean | null | undefined {
  if (isBlank(value)) return undefined;
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value === 1 ? true : value === 0 ? false : null;
  const s = normalizeHeader(value);
  if (YES.has(s)) return true;
  if (NO.has(s)) return false;
  return null;
}

/** Education levels, in order: 高中 < 大专 < 本科 < 硕士 < 博士 (1..5). */
export const EDUCATION_LEVELS: ReadonlyArray<{ level: number; zh: string; en: string; aliases: string[] }> = [
  { level: 1, zh: "高中", en: "High School", aliases: ["高中", "中专", "高中及以下", "highschool", "secondary"] },
  { level: 2, zh: "大专", en: "College", aliases: ["大专", "专科", "college", "associate", "diploma"] },
  {
    level: 3,
    zh: "本科",
    en: "Bachelor",
    aliases: ["本科", "大学本科", "学士", "bachelor", "bachelors", "undergraduate"],
  },
  { level: 4, zh: "硕士", en: "Master", aliases: ["硕士", "研究生", "硕士研究生", "master", "masters"] },
  { level: 5, zh: "博士", en: "Doctorate", aliases: ["博士", "博士研究生", "doctor", "doctorate", "phd"] },
];

const EDUCATION_BY_ALIAS = new Map<string, number>();
for (const e of EDUCATION_LEVELS) for (const a of e.aliases) EDUCATION_BY_ALIAS.set(normalizeHeader(a), e.level);

/**
 * Reads an education level as its rank 1..5 (高中 1 … 博士 5); a number 1..5 is taken as the rank.
 *
 * @example parseEducation("本科") // => 3
 * @example parseEducation("Master") // => 4
 */
export function parseEducation(value: CellValue): number | null | undefined {
  if (isBlank(value)) return undefined;
  if (typeof value === "number") return Number.isInteger(value) && value >= 1 && value <= 5 ? value : null;
  const level = EDUCATION_BY_ALIAS.get(normalizeHeader(value));
  return level ?? null;
}

/** The name of an education rank in a language. */
export function educationName(level: number, lang: "zh" | "en"): string {
  const e = EDUCATION_LEVELS.find((x) => x.level === level);
  return e ? e[lang] : String(level);
}

const MS_PER_DAY = 86_400_000;
/** Excel's serial day 25569 is 1970-01-01 (1900 date system). */
const EXCEL_EPOCH_OFFSET = 25569;

/**
 * Reads a date as a day number (days since 1970-01-01, UTC). Accepts a Date, an Excel serial number
 * (1900 system, as Office.js returns dates), or text "YYYY-MM-DD" / "YYYY/MM/DD" / "YYYY年M月D日".
 *
 * @example parseDate("2024-03-01") // => 19783
 * @example parseDate(45352) // => 19783 (Excel serial for 2024-03-01)
 */
export function parseDate(value: CellValue): number | null | undefined {
  if (isBlank(value)) return undefined;
  if (value instanceof Date) {
    const t = value.getTime();
    return Number.isFinite(t) ? Math.floor(t / MS_PER_DAY) : null;
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value) || value < 1 || value > 2958465) return null;
    return Math.floor(value) - EXCEL_EPOCH_OFFSET;
  }
  if (typeof value !== "string") return null;
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(value.normalize("NFKC").trim());
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return Math.floor(t / MS_PER_DAY);
}

/** A day number as "YYYY-MM-DD". */
export function formatDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** A day number as an Excel serial (1900 system). */
export function dayToExcelSerial(day: number): number {
  return day + EXCEL_EPOCH_OFFSET;
}

/** Adds calendar months to a day number, clamping to the month's last day (Jan 31 + 1 month → Feb 28/29). */
export function addMonths(day: number, months: number): number {
  const d = new Date(day * MS_PER_DAY);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const targetY = y + Math.floor(m / 12);
  const targetM = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(targetY, targetM + 1, 0)).getUTCDate();
  return Math.floor(Date.UTC(targetY, targetM, Math.min(d.getUTCDate(), last)) / MS_PER_DAY);
}
