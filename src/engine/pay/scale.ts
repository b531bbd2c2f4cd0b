/**
 * Pay scales (薪酬标准): a grade has a step table (档1…档N, monthly amounts) or a broadband
 * (下限/中点/上限 min/mid/max), or both. Amounts are converted to integer fen here, at the edge,
 * after applying the what-if scale multiplier.
 */
import { normalizeHeader } from "../parse";
import { roundHalfUp, yuanToFen } from "../money";
import type { TableRead } from "../tableReader";
import { fail, ok, type Outcome, type Problem } from "../types";

/** A broadband in fen. */
export interface Band {
  min: number;
  mid: number;
  max: number;
}

/** One grade of the pay scale, in fen. */
export interface PayGrade {
  /** The grade as written in the PayScale table. */
  grade: string;
  /** Monthly step amounts in fen, step 1 first, never decreasing. Empty for a pure band. */
  steps: number[];
  band?: Band;
  /** Row in the PayScale table, when read from one. */
  row?: number;
}

/** Grades by matching key (see `gradeKey`). */
export type PayScale = ReadonlyMap<string, PayGrade>;

/**
 * The key grades are matched by: full-width to half-width, case and white space ignored, so
 * "七级", "七 级" and "A1"/"a1" match across Staff, Posts and PayScale.
 *
 * @example gradeKey(" A 1 ") // => "a1"
 */
export function gradeKey(grade: string): string {
  return normalizeHeader(grade);
}

/** Yuan × multiplier → fen, rounded half up to the fen. */
export function scaledFen(yuan: number, multiplier: number): number {
  const fen = yuanToFen(yuan);
  return multiplier === 1 ? fen : roundHalfUp(fen * multiplier, 0);
}

/**
 * Builds a pay scale from plain grades (amounts in yuan), for tests and custom functions.
 *
 * @example payScaleOf([{ grade: "A", steps: [3000, 3200] }]).get("a")?.steps // => [300000, 320000]
 */
export function payScaleOf(
  grades: ReadonlyArray<{ grade: string; steps?: number[]; min?: number; mid?: number; max?: number }>,
  multiplier = 1,
): PayScale {
  const m = new Map<string, PayGrade>();
  for (const g of grades) {
    const pg: PayGrade = { grade: g.grade, steps: (g.steps ?? []).map((s) => scaledFen(s, multiplier)) };
    if (g.min !== undefined && g.max !== undefined) {
      const min = scaledFen(g.min, multiplier);
      const max = scaledFen(g.max, multiplier);
      const mid = g.mid !== undefined ? scaledFen(g.mid, multiplier) : roundHalfUp((min + max) / 2, 0);
      pg.band = { min, mid, max };
    }
    m.set(gradeKey(g.grade), pg);
  }
  return m;
}

/**
 * Reads the PayScale table into a scale in fen. Checks, each naming the cell:
 * steps never decrease (`pay.stepDecreases`); no blank step between two filled ones (`pay.stepGap`);
 * a band has both min and max (`pay.bandIncomplete`) and min ≤ mid ≤ max (`pay.bandOrder`);
 * a grade has steps or a band (`pay.gradeEmpty`). A band without mid uses (min + max) ÷ 2,
 * rounded half up to the fen. Trailing blank steps are allowed (grades may have different step counts).
 * Amounts are multiplied by `multiplier` (what-if) and rounded half up to the fen.
 *
 * @example
 * readPayScale(readTable(PAY_SCALE, [["岗级", "档1", "档2"], ["七级", 3000, 3200]])).value.get("七级")
 *   // => { grade: "七级", steps: [300000, 320000], row: 2 }
 */
export function readPayScale(read: TableRead, multiplier = 1): Outcome<PayScale> {
  const problems: Problem[] = [];
  const scale = new Map<string, PayGrade>();
  const stepCols = read.patterns.steps?.columns ?? [];
  const cell = (
    row: number,
    key: string,
    value: unknown,
    params?: Record<string, string | number>,
    colKey?: string,
    idx?: number,
  ): Problem => {
    const ref = colKey ? read.columns[colKey] : undefined;
    const sc = idx !== undefined ? stepCols[idx] : undefined;
    return {
      severity: "error",
      table: read.def.id,
      tableName: read.tableName,
      tableRow: row,
      columnIndex: sc?.index ?? ref?.index,
      column: sc?.header ?? ref?.header,
      value: value as Problem["value"],
      key,
      params,
    };
  };
  for (const rec of read.records) {
    const grade = rec.values.grade;
    if (typeof grade !== "string") continue; // the reader already reported the blank id
    const raw = (rec.lists.steps ?? []) as (number | undefined)[];
    const steps: number[] = [];
    let gapAt = -1;
    let prev: number | undefined;
    for (let i = 0; i < raw.length; i++) {
      const v = raw[i];
      if (v === undefined) {
        if (gapAt < 0) gapAt = i;
        continue;
      }
      if (gapAt >= 0) {
        problems.push(
          cell(rec.row, "pay.stepGap", v, { grade, step: stepCols[gapAt]?.header ?? gapAt + 1 }, undefined, i),
        );
        gapAt = -1;
      }
      if (prev !== undefined && v < prev) {
        problems.push(cell(rec.row, "pay.stepDecreases", v, { grade, previous: prev }, undefined, i));
      }
      prev = v;
      steps.push(scaledFen(v, multiplier));
    }
    const vmin = rec.values.min as number | undefined;
    const vmid = rec.values.mid as number | undefined;
    const vmax = rec.values.max as number | undefined;
    let band: Band | undefined;
    if (vmin !== undefined || vmax !== undefined || vmid !== undefined) {
      if (vmin === undefined || vmax === undefined) {
        const missing = vmin === undefined ? "min" : "max";
        problems.push(cell(rec.row, "pay.bandIncomplete", "", { grade }, read.columns[missing] ? missing : "grade"));
      } else if (vmin > vmax || (vmid !== undefined && (vmid < vmin || vmid > vmax))) {
        const bad = vmin > vmax ? "max" : "mid";
        problems.push(cell(rec.row, "pay.bandOrder", rec.values[bad] as number, { grade, min: vmin, max: vmax }, bad));
      } else {
        const min = scaledFen(vmin, multiplier);
        const max = scaledFen(vmax, multiplier);
        const mid = vmid !== undefined ? scaledFen(vmid, multiplier) : roundHalfUp((min + max) / 2, 0);
        band = { min, mid, max };
      }
    }
    if (steps.length === 0 && !band && !(vmin !== undefined || vmax !== undefined)) {
      problems.push(cell(rec.row, "pay.gradeEmpty", grade, { grade }, "grade"));
      continue;
    }
    const pg: PayGrade = { grade, steps, row: rec.row };
    if (band) pg.band = band;
    scale.set(gradeKey(grade), pg);
  }
  if (problems.length > 0) return fail(problems);
  return ok(scale);
}
