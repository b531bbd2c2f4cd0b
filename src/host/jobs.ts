/**
 * A sheet to write, laid out once for both hosts: result sheets (src/engine/report.ts) and inserted
 * tables (sample workbook, empty templates) become `SheetJob`s, so Office.js and the preview write the
 * same cells, formats, fills, notes and charts.
 */
import type { ChartSpec, ResultSheet } from "../engine/report";
import type { CellValue } from "../engine/types";
import { formatForKind, HIGHLIGHT_FILL, numberFormatFor, RESULT_TABLE_PREFIX, rowRuns, type Block } from "./layout";
import type { ColumnValidation, InsertTable } from "./types";

export interface SheetJob {
  /** Sheet name. */
  name: string;
  /** Base of the Excel table's name (made valid and unique by the host with `tableName`). */
  tableBase: string;
  header: CellValue[];
  /** Data rows (without the header). */
  rows: ReadonlyArray<ReadonlyArray<CellValue>>;
  /** Number of columns of the table. */
  width: number;
  /** Number format per column for the data rows; null leaves General. "@" (text) is set before values. */
  formats: (string | null)[];
  /** Runs of data rows (0-based) to fill, with the colour. */
  fills: { run: Block; color: string }[];
  charts: ChartSpec[];
  /** Lines written beside the table, one per row, starting at the header row. */
  notes: string[];
  validation: ColumnValidation[];
}

/** Column 0-based where notes and charts start: one empty column right of the table. */
export function besideColumn(job: Pick<SheetJob, "width">): number {
  return job.width + 1;
}

/** Excel's chart type for a chart spec. */
export const CHART_TYPE: Readonly<Record<ChartSpec["type"], string>> = {
  column: "ColumnClustered",
  bar: "BarClustered",
  line: "Line",
  pie: "Pie",
};

/** Rows of the worksheet each chart occupies (placement: beside the table, one under the other). */
export const CHART_ROWS = 18;
/** Columns each chart spans. */
export const CHART_COLUMNS = 8;

/**
 * The job of a result sheet. Throws if a chart names a column the sheet does not have (a bug in the
 * model's sheet builder, reported rather than drawn wrong).
 */
export function resultJob(sheet: ResultSheet): SheetJob {
  const width = sheet.columns.length;
  for (const chart of sheet.charts ?? []) {
    for (const c of [chart.categoryColumn, ...chart.seriesColumns]) {
      if (!Number.isInteger(c) || c < 0 || c >= width) {
        throw new Error(`Chart “${chart.title}” of sheet “${sheet.name}” names column ${c}, not in 0..${width - 1}`);
      }
    }
  }
  return {
    name: sheet.name,
    tableBase: RESULT_TABLE_PREFIX + sheet.id,
    header: sheet.columns.map((c) => c.header),
    rows: sheet.rows,
    width,
    formats: sheet.columns.map(numberFormatFor),
    fills: (sheet.highlights ?? []).flatMap((h) =>
      rowRuns(h.rows.filter((r) => r < sheet.rows.length)).map((run) => ({ run, color: HIGHLIGHT_FILL[h.style] })),
    ),
    charts: sheet.charts ?? [],
    notes: sheet.notes ?? [],
    validation: [],
  };
}

/**
 * The job of an inserted table: columns holding only dates get the date format; everything else General.
 */
export function insertJob(table: InsertTable): SheetJob {
  const [header = [], ...rows] = table.rows;
  const width = Math.max(header.length, ...rows.map((r) => r.length));
  const formats: (string | null)[] = [];
  for (let c = 0; c < width; c++) {
    let dates = 0;
    let others = 0;
    for (const r of rows) {
      const v = r[c];
      if (v instanceof Date) dates++;
      else if (v !== null && v !== undefined && v !== "") others++;
    }
    formats.push(dates > 0 && others === 0 ? formatForKind("date") : null);
  }
  for (const v of table.validation ?? []) {
    if (!Number.isInteger(v.column) || v.column < 0 || v.column >= width) {
      throw new Error(`Validation of table “${table.name}” names column ${v.column}, not in 0..${width - 1}`);
    }
  }
  return {
    name: table.name,
    tableBase: table.name,
    header: Array.from({ length: width }, (_, c) => header[c] ?? null),
    rows,
    width,
    formats,
    fills: [],
    charts: [],
    notes: [],
    validation: table.validation ?? [],
  };
}

/** Rows that get a drop-down list below an inserted table's header: its data rows, at least this many. */
export const VALIDATION_MIN_ROWS = 500;
