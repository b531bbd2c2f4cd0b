/**
 * `reform check`: every problem of a workbook's tables, each with its cell address.
 *
 * Besides the reader's problems (missing columns, duplicate or blank IDs, unreadable values), it checks
 * what one table says about another: choices naming unknown posts, ratings not in the Ratings table,
 * grades not on the pay scale, weights not adding up to 1, pay steps going down.
 */
import { formatProblem, t } from "../engine/messages";
import { normalizeHeader } from "../engine/parse";
import { readScenarios } from "../engine/scenario/params";
import { STAFF, TABLES, type TableId } from "../engine/schema";
import { extraNumber, matchColumn, type TableRead } from "../engine/tableReader";
import type { Lang, Problem } from "../engine/types";
import type { ReadTables, TableSource } from "../engine/workbook";
import { problemAddress } from "../workbook/xlsx";

const SCORE_KEYS = new Set(["written", "interview", "peerReview", "appraisal", "composite"]);

function at(read: TableRead, row: number, columnIndex: number | undefined, column: string | undefined): Problem {
  return {
    severity: "error",
    table: read.def.id,
    tableName: read.tableName,
    tableRow: row,
    columnIndex,
    column,
    key: "",
  };
}

/**
 * Problems between tables (the reader sees one table at a time).
 *
 * @example crossTableProblems({ staff, posts }) // => [{ key: "cli.unknownPost", tableRow: 7, column: "志愿2", … }]
 */
export function crossTableProblems(tables: ReadTables): Problem[] {
  const out: Problem[] = [];
  const { staff, posts, ratings, payScale, weights } = tables;

  if (staff && posts && staff.patterns.choices) {
    const ids = new Set(posts.records.map((r) => normalizeHeader(r.values.id as string | undefined)));
    const cols = staff.patterns.choices.columns;
    for (const rec of staff.records) {
      const seen = new Set<string>();
      (rec.lists.choices ?? []).forEach((v, k) => {
        if (typeof v !== "string") return;
        const n = normalizeHeader(v);
        const where = at(staff, rec.row, cols[k].index, cols[k].header);
        if (!ids.has(n)) out.push({ ...where, value: v, key: "cli.unknownPost" });
        else if (seen.has(n)) out.push({ ...where, severity: "warning", value: v, key: "cli.duplicateChoice" });
        seen.add(n);
      });
    }
  }

  if (staff && ratings && staff.columns.rating) {
    const known = new Set(ratings.records.map((r) => normalizeHeader(r.values.rating as string | undefined)));
    const col = staff.columns.rating;
    for (const rec of staff.records) {
      const v = rec.values.rating;
      if (typeof v === "string" && !known.has(normalizeHeader(v))) {
        out.push({ ...at(staff, rec.row, col.index, col.header), value: v, key: "cli.unknownRating" });
      }
    }
  }

  if (posts && payScale && posts.columns.grade) {
    const grades = new Set(payScale.records.map((r) => normalizeHeader(r.values.grade as string | undefined)));
    const col = posts.columns.grade;
    for (const rec of posts.records) {
      const v = rec.values.grade;
      if (typeof v === "string" && !grades.has(normalizeHeader(v))) {
        out.push({
          ...at(posts, rec.row, col.index, col.header),
          severity: "warning",
          value: v,
          key: "cli.unknownGrade",
        });
      }
    }
  }

  if (payScale && payScale.patterns.steps) {
    const cols = payScale.patterns.steps.columns;
    for (const rec of payScale.records) {
      let prev: number | undefined;
      (rec.lists.steps ?? []).forEach((v, k) => {
        if (typeof v !== "number") return;
        if (prev !== undefined && v < prev) {
          out.push({ ...at(payScale, rec.row, cols[k].index, cols[k].header), value: v, key: "cli.decreasingSteps" });
        }
        prev = v;
      });
    }
  }

  if (weights) {
    const comps = weights.extraColumns.filter((c) => {
      const m = matchColumn(STAFF, c.header);
      return m !== undefined && SCORE_KEYS.has(m.key);
    });
    const cat = weights.columns.category;
    for (const rec of weights.records) {
      let sum = 0;
      let bad = false;
      for (const c of comps) {
        const n = extraNumber(weights, rec, c.header);
        if (n.problem) {
          out.push(n.problem);
          bad = true;
        } else sum += n.value ?? 0;
      }
      if (!bad && comps.length > 0 && Math.abs(sum - 1) > 1e-9) {
        out.push({
          ...at(weights, rec.row, cat?.index, cat?.header),
          severity: "warning",
          value: rec.values.category,
          key: "cli.weightsSum",
          params: { sum: Number(sum.toFixed(6)) },
        });
      }
    }
  }
  return out;
}

/** Every problem of the tables: the reader's, the Scenarios table's parameters, and between tables. */
export function workbookProblems(tables: ReadTables): Problem[] {
  const out: Problem[] = [];
  for (const id of Object.keys(TABLES) as TableId[]) {
    const read = tables[id];
    if (!read) continue;
    out.push(...read.problems);
    if (id === "scenarios") out.push(...readScenarios(read).problems.slice(read.problems.length));
  }
  out.push(...crossTableProblems(tables));
  return out;
}

/** Orders problems by table (in the order of the sources), then row, then column. */
export function sortProblems(problems: ReadonlyArray<Problem>, sources: ReadonlyArray<TableSource>): Problem[] {
  const order = new Map(sources.map((s, i) => [s.name, i] as const));
  return problems
    .map((p, i) => ({ p, i }))
    .sort(
      (a, b) =>
        (order.get(a.p.tableName ?? "") ?? 1e9) - (order.get(b.p.tableName ?? "") ?? 1e9) ||
        (a.p.tableRow ?? 0) - (b.p.tableRow ?? 0) ||
        (a.p.columnIndex ?? -1) - (b.p.columnIndex ?? -1) ||
        a.i - b.i,
    )
    .map((x) => x.p);
}

/**
 * One line for a problem: `Sheet!Cell: Error: message`. Without a known cell, the table-and-row wording
 * of `formatProblem`.
 *
 * @example problemLine(p, sources, "zh") // => "人员!J7: 错误：“笔试”的值“abc”不是数字"
 */
export function problemLine(p: Problem, sources: ReadonlyArray<TableSource>, lang: Lang): string {
  const address = problemAddress(p, sources);
  if (!address) return formatProblem(p, lang);
  const sep = lang === "zh" ? "：" : ": ";
  return `${address}: ${t(`severity.${p.severity}`, lang)}${sep}${problemText(p, lang)}`;
}

/**
 * A problem's message alone, without its place or severity.
 *
 * @example problemText({ severity: "error", table: "staff", column: "笔试", value: "abc", key: "cell.notNumber" }, "zh")
 *   // => "“笔试”的值“abc”不是数字"
 */
export function problemText(p: Problem, lang: Lang): string {
  const value = p.value instanceof Date ? p.value.toISOString().slice(0, 10) : p.value == null ? "" : String(p.value);
  const params = { table: p.tableName ?? p.table, column: p.column ?? "", value, ...(p.params ?? {}) };
  return t(p.key, lang, params);
}
