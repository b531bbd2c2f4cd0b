/**
 * Re-bidding from the user's tables: Staff, Posts and (optionally) Weights as read by the one table
 * reader → composites per post category → the core engine.
 */
import { normalizeHeader, parseNumber } from "../parse";
import { STAFF } from "../schema";
import { extraNumber, matchColumn, type TableRead, type TableRecord } from "../tableReader";
import type { ReadTables } from "../workbook";
import { fail, hasErrors, ok, type Outcome, type Problem } from "../types";
import { bottomRank } from "./bottom";
import { normalizeComponent, weightedComposite } from "./composite";
import { rebid, resolveSettings } from "./engine";
import type { RebidCandidate, RebidPost, RebidResult, RebidSettings } from "./types";

const DEFAULT_LABELS = new Set(["默认", "default", "默认类别", "通用", "all"]);

/** True for a Weights category label naming the default row (默认 / Default). */
export function isDefaultCategory(label: string): boolean {
  return DEFAULT_LABELS.has(normalizeHeader(label));
}

const STAFF_USED = [
  "id",
  "name",
  "unit",
  "education",
  "age",
  "years",
  "written",
  "interview",
  "peerReview",
  "appraisal",
  "composite",
  "acceptAdjustment",
  "transferChoice",
];
const POSTS_USED = ["id", "title", "unit", "category", "quota", "minScore", "minEducation", "maxAge", "minYears"];

/** Reader problems that concern the columns this model reads (or the table as a whole). */
function relevant(read: TableRead, keys: ReadonlyArray<string>, extraIdx: ReadonlyArray<number> = []): Problem[] {
  const idx = new Set<number>(extraIdx);
  for (const k of keys) if (read.columns[k]) idx.add(read.columns[k].index);
  for (const p of Object.values(read.patterns)) for (const c of p.columns) idx.add(c.index);
  return read.problems.filter((p) => p.columnIndex === undefined || idx.has(p.columnIndex));
}

interface Component {
  header: string;
  columnIndex: number;
  /** Values per staff record (NaN = missing), before normalisation. */
  values: Float64Array;
  /** Header of the Staff column it reads. */
  staffHeader: string;
  staffColumnIndex?: number;
}

interface WeightsRow {
  label: string;
  row: number;
  weights: number[];
}

/**
 * Runs re-bidding on the tables read from a workbook (Staff and Posts required, Weights optional).
 * Composites per post category come from the Weights row of that category; a category without a row uses
 * the Staff 综合成绩 Composite column when there is one, else the Default row. Choices naming unknown posts
 * are errors; a post chosen twice by one person is a warning (the repeat is ignored); blank scores count 0
 * with a warning; weights not summing to 1 are reported (scaled only with `normalizeWeights`).
 * The reader's problems in the columns the model reads are included.
 *
 * @example
 * const staff = readTable(STAFF, [["工号", "综合成绩", "志愿1"], ["A", 80, "P1"], ["B", 90, "P1"]]);
 * const posts = readTable(POSTS, [["岗位编号", "职数"], ["P1", 1]]);
 * const r = rebidFromTables({ staff, posts });
 * r.ok && r.value.candidates.map((c) => c.outcome) // => ["notSelected", "placed"]
 */
export function rebidFromTables(tables: ReadTables, settingsIn: Partial<RebidSettings> = {}): Outcome<RebidResult> {
  const settings = resolveSettings(settingsIn);
  const staff = tables.staff;
  const postsRead = tables.posts;
  const problems: Problem[] = [];
  if (!staff || !postsRead) {
    for (const [id, read, name] of [
      ["staff", staff, "人员 / Staff"],
      ["posts", postsRead, "岗位 / Posts"],
    ] as const) {
      if (!read) problems.push({ severity: "error", table: id, key: "table.missing", params: { table: name } });
    }
    return fail(problems);
  }
  const weightsRead = tables.weights;
  problems.push(...relevant(staff, STAFF_USED), ...relevant(postsRead, POSTS_USED));
  if (weightsRead)
    problems.push(
      ...relevant(
        weightsRead,
        ["category"],
        weightsRead.extraColumns.map((c) => c.index),
      ),
    );

  if (!staff.patterns.choices) {
    problems.push({
      severity: "error",
      table: "staff",
      tableName: staff.tableName,
      column: "志愿1 / Choice 1",
      key: "rebid.noChoiceColumns",
      params: { table: staff.tableName },
    });
  }

  const records = staff.records;
  const n = records.length;
  const competes = new Uint8Array(n);
  for (let i = 0; i < n; i++) competes[i] = records[i].values.transferChoice === "transfer" ? 0 : 1;

  // --- Weights: components and rows
  const components: Component[] = [];
  const wRows: WeightsRow[] = [];
  if (weightsRead) {
    const catCol = weightsRead.columns.category?.index;
    for (const ec of weightsRead.extraColumns) {
      const comp = resolveComponent(staff, ec.header, ec.index, weightsRead, problems);
      if (comp) components.push(comp);
      else
        components.push({
          header: ec.header,
          columnIndex: ec.index,
          values: new Float64Array(n).fill(NaN),
          staffHeader: ec.header,
        });
    }
    if (weightsRead.extraColumns.length === 0) {
      problems.push({
        severity: "error",
        table: "weights",
        tableName: weightsRead.tableName,
        tableRow: 1,
        key: "rebid.weights.noComponents",
      });
    }
    for (const rec of weightsRead.records) {
      const label = String(rec.values.category ?? "");
      const ws: number[] = [];
      weightsRead.extraColumns.forEach((ec) => {
        const raw = rec.extra[ec.header];
        const v = parseNumber(raw);
        if (v === null || (v !== undefined && v < 0)) {
          problems.push({
            severity: "error",
            table: "weights",
            tableName: weightsRead.tableName,
            tableRow: rec.row,
            columnIndex: ec.index,
            column: ec.header,
            value: raw,
            key: v === null ? "cell.notNumber" : "cell.belowMin",
            params: { min: 0 },
          });
        }
        ws.push(v === null || v === undefined || v < 0 ? 0 : v);
      });
      const sum = ws.reduce((a, b) => a + b, 0);
      if (Math.abs(sum - 1) > 1e-9 && ws.length > 0) {
        const shown = Number(sum.toPrecision(12));
        problems.push({
          severity: "warning",
          table: "weights",
          tableName: weightsRead.tableName,
          tableRow: rec.row,
          columnIndex: catCol,
          column: weightsRead.columns.category?.header,
          value: label,
          key: settings.normalizeWeights && sum > 0 ? "rebid.weights.normalized" : "rebid.weights.notSum",
          params: { category: label, sum: shown },
        });
        if (settings.normalizeWeights && sum > 0) for (let k = 0; k < ws.length; k++) ws[k] /= sum;
      }
      wRows.push({ label, row: rec.row, weights: ws });
    }
  }

  // --- scores: one per Weights row, then the Composite column
  const scoreNames: string[] = [];
  const scoreValues: Float64Array[] = [];
  if (wRows.length > 0) {
    const used = components.map((_, k) => wRows.some((r) => r.weights[k] !== 0));
    const normalized = components.map((c) => normalizeComponent(c.values, settings.normalization, competes));
    // blank scores count 0 and are reported, once per cell of a used component
    components.forEach((c, k) => {
      if (!used[k] || c.staffColumnIndex === undefined) return;
      for (let i = 0; i < n; i++) {
        if (competes[i] && Number.isNaN(c.values[i])) {
          problems.push(missingScore(staff, records[i], c.staffHeader, c.staffColumnIndex));
        }
      }
    });
    for (const r of wRows) {
      scoreNames.push(r.label);
      scoreValues.push(weightedComposite(normalized, r.weights, settings.decimals));
    }
  }
  let compositeScore = -1;
  const compCol = staff.columns.composite;
  if (compCol) {
    compositeScore = scoreValues.length;
    scoreNames.push(compCol.header);
    const a = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = records[i].values.composite;
      a[i] = typeof v === "number" ? v : NaN;
    }
    scoreValues.push(a);
  }
  if (scoreValues.length === 0) {
    problems.push({
      severity: "error",
      table: "staff",
      tableName: staff.tableName,
      column: "综合成绩 / Composite",
      key: "rebid.noScore",
    });
  }

  // default score
  let defaultRow = wRows.findIndex((r) => isDefaultCategory(r.label));
  if (defaultRow < 0 && wRows.length === 1) defaultRow = 0;
  let defaultScore = defaultRow >= 0 ? defaultRow : compositeScore;
  if (defaultScore < 0 && wRows.length > 0) {
    defaultScore = 0;
    problems.push({
      severity: "warning",
      table: "weights",
      tableName: weightsRead?.tableName,
      key: "rebid.weights.noDefault",
      params: { category: wRows[0].label },
    });
  }
  const byLabel = new Map<string, number>();
  wRows.forEach((r, k) => {
    const key = normalizeHeader(r.label);
    if (!byLabel.has(key)) byLabel.set(key, k);
  });

  // --- posts
  const posts: RebidPost[] = [];
  const postIndex = new Map<string, number>();
  let compositeUsed = defaultScore === compositeScore && compositeScore >= 0;
  for (const rec of postsRead.records) {
    const v = rec.values;
    const id = v.id === undefined ? "" : String(v.id);
    const category = v.category === undefined ? undefined : String(v.category);
    let score = category !== undefined ? (byLabel.get(normalizeHeader(category)) ?? -1) : -1;
    if (score < 0) score = compositeScore >= 0 ? compositeScore : defaultRow;
    if (score < 0 && scoreValues.length > 0) {
      const col = postsRead.columns.category;
      problems.push({
        severity: "error",
        table: "posts",
        tableName: postsRead.tableName,
        tableRow: rec.row,
        columnIndex: col?.index,
        column: col?.header ?? "岗位类别 / Category",
        value: category ?? "",
        key: "rebid.noScoreForCategory",
      });
      score = 0;
    }
    if (score === compositeScore) compositeUsed = true;
    if (id !== "" && !postIndex.has(normalizeHeader(id))) postIndex.set(normalizeHeader(id), posts.length);
    posts.push({
      id,
      title: str(v.title),
      unit: str(v.unit),
      category,
      score: Math.max(0, score),
      quota: typeof v.quota === "number" ? v.quota : 0,
      minScore: numOrU(v.minScore),
      minEducation: numOrU(v.minEducation),
      maxAge: numOrU(v.maxAge),
      minYears: numOrU(v.minYears),
      row: rec.row,
    });
  }
  if (compositeUsed && compCol) {
    const a = scoreValues[compositeScore];
    for (let i = 0; i < n; i++) {
      if (competes[i] && Number.isNaN(a[i]))
        problems.push(missingScore(staff, records[i], compCol.header, compCol.index));
    }
  }

  // --- candidates
  const choiceCols = staff.patterns.choices?.columns ?? [];
  const candidates: RebidCandidate[] = new Array(n);
  // post index by the choice cell as written (normalised once per distinct text); -1 = unknown post
  const byRaw = new Map<string, number>();
  // choice column (index into choiceCols) where candidate i first chose post p: firstBy[p] = i, firstCol[p] = k
  const firstBy = new Int32Array(posts.length).fill(-1);
  const firstCol = new Int32Array(posts.length);
  for (let i = 0; i < n; i++) {
    const rec = records[i];
    const v = rec.values;
    const choices: number[] = [];
    const list = rec.lists.choices ?? [];
    for (let k = 0; k < list.length; k++) {
      const raw = list[k];
      if (raw === undefined || raw === "") continue;
      const text = String(raw);
      let p = byRaw.get(text);
      if (p === undefined) {
        p = postIndex.get(normalizeHeader(text)) ?? -1;
        byRaw.set(text, p);
      }
      const col = choiceCols[k];
      if (p < 0) {
        problems.push({
          severity: "error",
          table: "staff",
          tableName: staff.tableName,
          tableRow: rec.row,
          columnIndex: col?.index,
          column: col?.header,
          value: text,
          key: "rebid.unknownPost",
        });
        continue;
      }
      if (firstBy[p] === i) {
        const first = firstCol[p];
        problems.push({
          severity: "warning",
          table: "staff",
          tableName: staff.tableName,
          tableRow: rec.row,
          columnIndex: col?.index,
          column: col?.header,
          value: text,
          key: "rebid.duplicateChoice",
          params: { first: choiceCols[first]?.header ?? String(first + 1) },
        });
        continue;
      }
      firstBy[p] = i;
      firstCol[p] = k;
      choices.push(p);
    }
    const scores = new Array<number>(scoreValues.length);
    for (let s = 0; s < scoreValues.length; s++) {
      const x = scoreValues[s][i];
      scores[s] = Number.isNaN(x) ? 0 : x;
    }
    candidates[i] = {
      id: v.id === undefined ? "" : String(v.id),
      name: str(v.name),
      unit: str(v.unit),
      row: rec.row,
      scores,
      education: numOrU(v.education),
      age: numOrU(v.age),
      years: numOrU(v.years),
      interview: numOrU(v.interview),
      written: numOrU(v.written),
      peerReview: numOrU(v.peerReview),
      appraisal: numOrU(v.appraisal),
      choices,
      acceptAdjustment: v.acceptAdjustment === true,
      transfer: competes[i] === 0,
    };
  }

  if (hasErrors(problems)) return fail(problems);
  const result = rebid({ candidates, posts, scoreNames, defaultScore: Math.max(0, defaultScore) }, settings);

  if (settings.bottomRatio > 0) {
    const idx: number[] = [];
    for (let i = 0; i < n; i++) if (competes[i]) idx.push(i);
    const ds = Math.max(0, defaultScore);
    const br = bottomRank(
      idx.map((i) => candidates[i].scores[ds]),
      settings.bottomGroup === "unit" ? idx.map((i) => candidates[i].unit ?? "") : undefined,
      { ratio: settings.bottomRatio, rounding: settings.bottomRounding, minimum: settings.bottomMinimum },
    );
    const flagged = new Array<boolean>(n).fill(false);
    idx.forEach((i, j) => {
      flagged[i] = br.flagged[j];
      result.candidates[i].bottom = br.flagged[j];
    });
    for (const p of br.problems) problems.push({ ...p, tableName: staff.tableName });
    result.bottom = { ...br, flagged };
  }
  return ok(result, problems);
}

function str(v: unknown): string | undefined {
  return v === undefined || v === null || v === "" ? undefined : String(v);
}

function numOrU(v: unknown): number | undefined {
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}

function missingScore(staff: TableRead, rec: TableRecord, header: string, columnIndex: number): Problem {
  return {
    severity: "warning",
    table: "staff",
    tableName: staff.tableName,
    tableRow: rec.row,
    columnIndex,
    column: header,
    value: "",
    key: "rebid.score.missing",
  };
}

/** The Staff column a Weights component header names: a known numeric column, or an extra column of the same header. */
function resolveComponent(
  staff: TableRead,
  header: string,
  weightsColumn: number,
  weights: TableRead,
  problems: Problem[],
): Component | undefined {
  const n = staff.records.length;
  const values = new Float64Array(n).fill(NaN);
  const def = matchColumn(STAFF, header);
  if (def && (def.type === "number" || def.type === "integer") && staff.columns[def.key]) {
    const ref = staff.columns[def.key];
    for (let i = 0; i < n; i++) {
      const v = staff.records[i].values[def.key];
      if (typeof v === "number") values[i] = v;
    }
    return { header, columnIndex: weightsColumn, values, staffHeader: ref.header, staffColumnIndex: ref.index };
  }
  const key = normalizeHeader(header);
  const ec = staff.extraColumns.find((c) => normalizeHeader(c.header) === key);
  if (ec) {
    for (let i = 0; i < n; i++) {
      const r = extraNumber(staff, staff.records[i], ec.header);
      if (r.problem) problems.push(r.problem);
      else if (r.value !== undefined) values[i] = r.value;
    }
    return { header, columnIndex: weightsColumn, values, staffHeader: ec.header, staffColumnIndex: ec.index };
  }
  problems.push({
    severity: "error",
    table: "weights",
    tableName: weights.tableName,
    tableRow: 1,
    columnIndex: weightsColumn,
    column: header,
    value: header,
    key: "rebid.weights.componentMissing",
  });
  return undefined;
}
