/**
 * Problems as the panes list them: grouped by message (same key, same severity), errors first, then
 * warnings, then notes, each group labelled by its message with what its problems share filled in.
 */
import { MESSAGES, formatProblem, t } from "../engine/messages";
import { TABLES } from "../engine/schema";
import type { Lang, Problem, Severity } from "../engine/types";

/** Problems of a group shown before "Show all". */
export const PROBLEMS_PER_GROUP = 3;

export interface ProblemGroup {
  /** Stable id of the group: severity and message key. */
  id: string;
  severity: Severity;
  key: string;
  /** The message with what every problem of the group shares filled in, "…" where they differ. */
  label: string;
  /** The group's problems, in the order given. */
  problems: Problem[];
}

const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/**
 * The problem with its table named in the user's words: the name the reader found, else the table's name
 * in the language (a problem of a model may name only the table's id, e.g. "staff").
 */
export function namedTable(p: Problem, lang: Lang): Problem {
  if (p.tableName !== undefined) return p;
  const def = (TABLES as Record<string, (typeof TABLES)[keyof typeof TABLES] | undefined>)[p.table];
  return def ? { ...p, tableName: def[lang] } : p;
}

/** Placeholder values of a problem as formatProblem fills them in. */
function placeholderValues(p: Problem): Record<string, string> {
  const value = p.value instanceof Date ? p.value.toISOString().slice(0, 10) : (p.value ?? "");
  const out: Record<string, string> = {
    table: p.tableName ?? p.table,
    column: p.column ?? "",
    value: String(value),
  };
  for (const [k, v] of Object.entries(p.params ?? {})) out[k] = String(v);
  return out;
}

/**
 * The label of a group of problems with one message key: its text, each placeholder filled with the
 * value all the problems share, or "…" where they differ.
 *
 * @example groupLabel([{ severity: "error", table: "staff", column: "Written", value: "abc", key: "cell.notNumber" },
 *   { severity: "error", table: "staff", column: "Written", value: "x", key: "cell.notNumber" }], "en")
 *   // => "“Written” value “…” is not a number"
 */
export function groupLabel(problems: ReadonlyArray<Problem>, lang: Lang): string {
  const first = problems[0];
  if (!first) return "";
  const template = MESSAGES[first.key]?.[lang] ?? first.key;
  const all = problems.map((p) => placeholderValues(namedTable(p, lang)));
  const params: Record<string, string> = {};
  for (const [, name] of template.matchAll(/\{(\w+)\}/g)) {
    if (name === undefined || name in params) continue;
    const v = all[0]![name] ?? "";
    params[name] = all.every((a) => (a[name] ?? "") === v) ? v : "…";
  }
  return t(first.key, lang, params);
}

/**
 * Problems grouped by severity and message key: errors first, then warnings, then notes; within a
 * severity the larger groups first (ties in the order first met); within a group the order given.
 *
 * @example groupProblems([warning, error, error2], "en").map((g) => [g.severity, g.problems.length])
 *   // => [["error", 2], ["warning", 1]]   (when error and error2 share a key)
 */
export function groupProblems(problems: ReadonlyArray<Problem>, lang: Lang): ProblemGroup[] {
  const byId = new Map<string, { order: number; problems: Problem[]; severity: Severity; key: string }>();
  problems.forEach((p) => {
    const id = `${p.severity}:${p.key}`;
    const g = byId.get(id);
    if (g) g.problems.push(p);
    else byId.set(id, { order: byId.size, problems: [p], severity: p.severity, key: p.key });
  });
  return [...byId.entries()]
    .sort(
      ([, a], [, b]) =>
        SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
        b.problems.length - a.problems.length ||
        a.order - b.order,
    )
    .map(([id, g]) => ({
      id,
      severity: g.severity,
      key: g.key,
      label: groupLabel(g.problems, lang),
      problems: g.problems,
    }));
}

/**
 * A problem's line without its severity word (the group heading says it): where, then what.
 *
 * @example problemLine({ severity: "error", table: "staff", tableName: "Staff", tableRow: 5, column: "Written",
 *   value: "abc", key: "cell.notNumber" }, "en")
 *   // => "table “Staff”, row 5, column “Written”: “Written” value “abc” is not a number"
 */
export function problemLine(p: Problem, lang: Lang): string {
  const line = formatProblem(namedTable(p, lang), lang);
  const prefix = `${t(`severity.${p.severity}`, lang)}${lang === "zh" ? "：" : ": "}`;
  return line.startsWith(prefix) ? line.slice(prefix.length) : line;
}
