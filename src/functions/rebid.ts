/**
 * Custom functions of re-bidding (全员竞聘上岗): thin wrappers over src/engine/rebid. With the add-in's
 * namespace REFORM they read REFORM.COMPOSITE, REFORM.REBID, REFORM.CUTOFFS and REFORM.BOTTOM in Excel
 * (综合成绩, 竞聘录取, 录取分数线 and 末位淘汰 in Chinese Excel).
 */
import { t } from "../engine/messages";
import type { Rounding } from "../engine/money";
import { cellText, isBlank, normalizeHeader, parseNumber, parseYesNo } from "../engine/parse";
import {
  bottomRank,
  isDefaultCategory,
  normalizeComponent,
  outcomeText,
  rebidFromTables,
  weightedComposite,
  type Mechanism,
  type Normalization,
  type RebidResult,
} from "../engine/rebid";
import { POSTS, STAFF, WEIGHTS } from "../engine/schema";
import { matchColumn, readTable } from "../engine/tableReader";
import type { CellValue, Lang, Problem, Rows } from "../engine/types";
import { excelError, functionLang, optionalNumber, optionalText, problemsToError, toList, toRows } from "./common";

const MECHANISMS: Record<Mechanism, string[]> = {
  parallel: ["parallel", "平行", "平行志愿", "da"],
  sequential: ["sequential", "顺序", "顺序志愿", "boston"],
};
const NORMALIZATIONS: Record<Normalization, string[]> = {
  raw: ["raw", "原始分", "原始", "不标准化"],
  zscore: ["zscore", "z", "标准分", "z分数"],
  minmax: ["minmax", "min-max", "极差", "百分制"],
};
const ROUNDINGS: Record<Rounding, string[]> = {
  floor: ["floor", "向下", "去尾"],
  round: ["round", "四舍五入"],
  ceiling: ["ceiling", "ceil", "向上", "进一"],
};

function option<T extends string>(
  value: unknown,
  table: Record<T, string[]>,
  name: string,
  fallback: T,
  lang: Lang,
): T {
  const s = optionalText(value);
  if (s === undefined) return fallback;
  const n = normalizeHeader(s);
  for (const [k, spellings] of Object.entries(table) as [T, string[]][]) {
    if (normalizeHeader(k) === n || spellings.some((x) => normalizeHeader(x) === n)) return k;
  }
  const allowed = (Object.keys(table) as T[]).map((k) => `${k} / ${table[k][1]}`).join(", ");
  throw excelError("#VALUE!", t("rebid.fn.badOption", lang, { column: name, value: s, allowed }));
}

function yesNoArg(value: unknown, name: string, fallback: boolean, lang: Lang): boolean {
  if (value === null || value === undefined || value === "") return fallback;
  const b = parseYesNo(value as CellValue);
  if (typeof b !== "boolean") {
    throw excelError(
      "#VALUE!",
      t("rebid.fn.badOption", lang, { column: name, value: String(value), allowed: "TRUE / FALSE, 是 / 否" }),
    );
  }
  return b;
}

function throwProblems(problems: ReadonlyArray<Problem>, lang: Lang): void {
  const err = problemsToError(problems, lang);
  if (err) throw err;
}

function run(staff: unknown, posts: unknown, mechanism: unknown, adjustment: unknown, lang: Lang) {
  const settings = {
    mechanism: option<Mechanism>(mechanism, MECHANISMS, "mechanism", "parallel", lang),
    adjustment: yesNoArg(adjustment, "adjustment", true, lang),
  };
  const staffRows = toRows(staff);
  const postRows = toRows(posts);
  const tables = {
    staff: readTable(STAFF, staffRows, { tableName: "staff" }),
    posts: readTable(POSTS, postRows, { tableName: "posts" }),
  };
  const o = rebidFromTables(tables, settings);
  throwProblems(o.problems, lang);
  if (!o.ok) throw excelError("#VALUE!", t("rebid.noScore", lang));
  return { result: o.value as RebidResult, staffRows, postRows };
}

/**
 * The composite score (综合成绩) of each row: Σ weight × score over the components named in the weights,
 * optionally normalised per component, rounded half-up. A blank score counts 0.
 * Weights are either two rows (the component headers, then the weights), or a Weights table with a
 * 岗位类别 / Category column, in which case its Default (默认) row, or its only row, is used.
 * Component headers are matched to the score headers by name (笔试 = Written, and so on).
 * @customfunction COMPOSITE
 * @param scores The scores with their header row (e.g. 笔试, 面试, 民主测评, 年度考核).
 * @param weights Two rows (headers, weights) or a Weights table with a Category column.
 * @param [normalization] raw (default), zscore (mean 50, sd 10) or minmax (0–100).
 * @param [decimals] Decimal places of the composite (default 2).
 * @returns One composite per data row of scores.
 */

export function composite(scores: any[][], weights: any[][], normalization?: string, decimals?: number): number[][] {
  const lang = functionLang();
  const mode = option<Normalization>(normalization, NORMALIZATIONS, "normalization", "raw", lang);
  const d = optionalNumber(decimals) ?? 2;
  if (!Number.isInteger(d) || d < 0 || d > 6) {
    throw excelError(
      "#NUM!",
      t("rebid.fn.badOption", lang, { column: "decimals", value: String(decimals), allowed: "0–6" }),
    );
  }
  const rows = toRows(scores);
  const w = readWeights(toRows(weights), lang);
  const header = rows[0] ?? [];
  const columns: Float64Array[] = [];
  const n = rows.length - 1;
  for (const comp of w) {
    const idx = header.findIndex((h) => sameComponent(h, comp.header));
    if (idx < 0) {
      throw excelError("#REF!", t("rebid.weights.componentMissing", lang, { column: comp.header }));
    }
    const col = new Float64Array(n);
    for (let r = 1; r < rows.length; r++) {
      const raw = rows[r][idx];
      const v = parseNumber(raw);
      if (v === null) {
        throwProblems(
          [
            {
              severity: "error",
              table: "scores",
              tableName: "scores",
              tableRow: r + 1,
              columnIndex: idx,
              column: cellText(header[idx]),
              value: raw,
              key: "cell.notNumber",
            },
          ],
          lang,
        );
      }
      col[r - 1] = typeof v === "number" ? v : NaN;
    }
    columns.push(normalizeComponent(col, mode));
  }
  const out = weightedComposite(
    columns,
    w.map((c) => c.weight),
    d,
  );
  return Array.from(out, (x) => [x]);
}

function sameComponent(a: CellValue, b: string): boolean {
  if (normalizeHeader(a) === normalizeHeader(b)) return true;
  const ca = matchColumn(STAFF, a);
  return ca !== undefined && ca === matchColumn(STAFF, b);
}

function readWeights(rows: Rows, lang: Lang): { header: string; weight: number }[] {
  const header = rows[0] ?? [];
  const hasCategory = header.some((h) => matchColumn(WEIGHTS, h)?.key === "category");
  if (hasCategory) {
    const read = readTable(WEIGHTS, rows, { tableName: "weights" });
    throwProblems(read.problems, lang);
    let rec = read.records.find((r) => isDefaultCategory(String(r.values.category ?? "")));
    if (!rec && read.records.length === 1) rec = read.records[0];
    if (!rec) throw excelError("#VALUE!", t("rebid.fn.weightsShape", lang));
    const found = rec;
    return read.extraColumns.map((ec) => weightCell(found.extra[ec.header], ec.header, found.row, ec.index, lang));
  }
  if (rows.length !== 2) throw excelError("#VALUE!", t("rebid.fn.weightsShape", lang));
  const out: { header: string; weight: number }[] = [];
  header.forEach((h, i) => {
    if (isBlank(h)) return;
    out.push(weightCell(rows[1][i], cellText(h), 2, i, lang));
  });
  return out;
}

function weightCell(raw: CellValue, header: string, row: number, col: number, lang: Lang) {
  const v = parseNumber(raw);
  if (v === null || (typeof v === "number" && v < 0)) {
    throwProblems(
      [
        {
          severity: "error",
          table: "weights",
          tableName: "weights",
          tableRow: row,
          columnIndex: col,
          column: header,
          value: raw,
          key: v === null ? "cell.notNumber" : "cell.belowMin",
          params: { min: 0 },
        },
      ],
      lang,
    );
  }
  return { header, weight: typeof v === "number" ? v : 0 };
}

/**
 * Re-bidding (全员竞聘上岗) on a Staff and a Posts range: one row per row of staff (header included), so it
 * spills beside the Staff table. Staff needs 工号 Staff ID, 综合成绩 Composite and 志愿1…N Choice 1…N
 * (and may have 学历, 年龄, 工龄, 面试, 年度考核, 服从调剂, 分流意愿); Posts needs 岗位编号 Post ID and 职数 Quota.
 * @customfunction REBID
 * @param staff The Staff table with its header row, e.g. Staff[#All].
 * @param posts The Posts table with its header row, e.g. Posts[#All].
 * @param [mechanism] parallel (平行志愿, default) or sequential (顺序志愿).
 * @param [adjustment] TRUE (default) to place unplaced candidates who accept adjustment on free posts.
 * @returns Post ID, outcome and choice rank per staff row.
 */

export function rebidPlacements(staff: any[][], posts: any[][], mechanism?: string, adjustment?: boolean): any[][] {
  const lang = functionLang();
  const { result, staffRows } = run(staff, posts, mechanism, adjustment, lang);
  const out: (string | number)[][] = [
    [t("rebid.col.postId", lang), t("rebid.col.outcome", lang), t("rebid.col.choiceRank", lang)],
  ];
  for (let r = 1; r < staffRows.length; r++) out.push(["", "", ""]);
  for (const c of result.candidates) {
    const i = c.row - 1;
    if (i >= 1 && i < out.length) out[i] = [c.postId ?? "", outcomeText(c.outcome, lang), c.choiceRank ?? ""];
  }
  return out;
}

/**
 * Fill of each post after re-bidding: one row per row of posts (header included).
 * @customfunction CUTOFFS
 * @param staff The Staff table with its header row, e.g. Staff[#All].
 * @param posts The Posts table with its header row, e.g. Posts[#All].
 * @param [mechanism] parallel (平行志愿, default) or sequential (顺序志愿).
 * @param [adjustment] TRUE (default) to run the adjustment round.
 * @returns Post ID, placed, vacancies and cutoff (lowest composite placed by choice) per post.
 */

export function cutoffs(staff: any[][], posts: any[][], mechanism?: string, adjustment?: boolean): any[][] {
  const lang = functionLang();
  const { result, postRows } = run(staff, posts, mechanism, adjustment, lang);
  const out: (string | number)[][] = [
    [
      t("rebid.col.postId", lang),
      t("rebid.col.placed", lang),
      t("rebid.col.vacancies", lang),
      t("rebid.col.cutoff", lang),
    ],
  ];
  for (let r = 1; r < postRows.length; r++) out.push(["", "", "", ""]);
  for (const p of result.posts) {
    const i = p.row - 1;
    if (i >= 1 && i < out.length) out[i] = [p.id, p.placed, p.vacancies, p.cutoff ?? ""];
  }
  return out;
}

/**
 * 末位淘汰: TRUE for the bottom ratio of each group by score. Count = ratio × n rounded (ceiling by default),
 * at least `minimum` (default 1) in a group with anyone in it; everyone tied at the boundary is flagged.
 * Blank scores are not ranked (FALSE). A text first cell is taken as a header (blank result).
 * @customfunction BOTTOM
 * @param scores A column of scores.
 * @param [groups] A column of group labels (e.g. unit) as long as scores; leave empty for one group.
 * @param [ratio] The share to flag, e.g. 0.05 for 5% (required; optional in the signature only because Excel wants optional parameters last).
 * @param [rounding] ceiling (default), floor or round.
 * @param [minimum] The minimum count per group (default 1).
 * @returns TRUE where flagged, one per score.
 */

export function bottom(
  scores: any[][],
  groups?: any[][],
  ratio?: number,
  rounding?: string,
  minimum?: number,
): any[][] {
  const lang = functionLang();
  const list = toList(scores);
  const r = optionalNumber(ratio);
  if (r === undefined || r < 0 || r > 1) {
    throw excelError(
      "#NUM!",
      t("rebid.fn.badOption", lang, { column: "ratio", value: String(ratio ?? ""), allowed: "0–1" }),
    );
  }
  const mode = option<Rounding>(rounding, ROUNDINGS, "rounding", "ceiling", lang);
  const min = optionalNumber(minimum) ?? 1;
  if (min < 0)
    throw excelError(
      "#NUM!",
      t("rebid.fn.badOption", lang, { column: "minimum", value: String(minimum), allowed: "≥ 0" }),
    );
  const start = list.length > 0 && typeof list[0] === "string" && parseNumber(list[0]) === null ? 1 : 0;
  const values: (number | undefined)[] = [];
  for (let i = start; i < list.length; i++) {
    const v = parseNumber(list[i]);
    if (v === null) {
      throwProblems(
        [
          {
            severity: "error",
            table: "scores",
            tableName: "scores",
            tableRow: i + 1,
            columnIndex: 0,
            column: "scores",
            value: list[i],
            key: "cell.notNumber",
          },
        ],
        lang,
      );
    }
    values.push(typeof v === "number" ? v : undefined);
  }
  let g: string[] | undefined;
  const glist = groups === null || groups === undefined ? [] : toList(groups);
  if (glist.some((x) => !isBlank(x))) {
    if (glist.length !== list.length) {
      throw excelError(
        "#VALUE!",
        t("rebid.fn.sizeMismatch", lang, { column: "groups", value: glist.length, expected: list.length }),
      );
    }
    g = glist.slice(start).map((x) => cellText(x));
  }
  const res = bottomRank(values, g, { ratio: r, rounding: mode, minimum: min });
  const out: (boolean | string)[][] = [];
  if (start === 1) out.push([""]);
  for (const f of res.flagged) out.push([f]);
  return out;
}
