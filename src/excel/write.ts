/**
 * Writing to the user's workbook with Office.js: result sheets and inserted tables as new sheets, each
 * one Excel table. Values first, in blocks of at most 10,000 rows per `context.sync()` with calculation
 * suspended; formats, tables, fills, charts after. Everything is checked before the first change.
 *
 * Helpers take an `Excel.RequestContext` and are called inside `Excel.run` (see officeHost.ts).
 */
import type { ResultSheet } from "../engine/report";
import { HostError, throwIfAborted } from "../host/errors";
import {
  besideColumn,
  CHART_COLUMNS,
  CHART_ROWS,
  CHART_TYPE,
  insertJob,
  resultJob,
  VALIDATION_MIN_ROWS,
  type SheetJob,
} from "../host/jobs";
import {
  groupBlocks,
  MAX_FORMAT_OPS,
  namesThatExist,
  planWrite,
  rowBlocks,
  tableName,
  type ExistingSheet,
} from "../host/layout";
import type { InsertTable, WriteOptions } from "../host/types";
import { officeRow } from "./cells";
import { loadInventory } from "./read";

/** Table style of every table the add-in writes. */
export const TABLE_STYLE = "TableStyleMedium2";

/** Names of existing sheets among `names` (case-insensitive). One round trip. */
export async function existingSheetsIn(context: Excel.RequestContext, names: string[]): Promise<string[]> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await context.sync();
  return namesThatExist(
    names,
    worksheets.items.map((ws) => ws.name),
  );
}

/** Activates `sheet` and selects the cell at `row` (1-based) and `column` (0-based). */
export async function selectCellIn(
  context: Excel.RequestContext,
  sheet: string,
  row: number,
  column: number,
): Promise<void> {
  if (!Number.isInteger(row) || row < 1 || !Number.isInteger(column) || column < 0) {
    throw new RangeError(`No cell at row ${row}, column ${column}`);
  }
  const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
  // Office.js fills isNullObject at sync without a load; loading it (one flag) lets mocked contexts
  // (office-addin-mock) answer too.
  // eslint-disable-next-line office-addins/no-navigational-load
  ws.load("isNullObject");
  await context.sync();
  if (ws.isNullObject) throw new HostError("host.sheetMissing", { sheet });
  ws.activate();
  ws.getRangeByIndexes(row - 1, column, 1, 1).select();
  await context.sync();
}

/** Writes result sheets (see `WorkbookHost.writeResults`). */
export async function writeResultsIn(
  context: Excel.RequestContext,
  sheets: ResultSheet[],
  options: WriteOptions,
): Promise<void> {
  const jobs = sheets.map(resultJob);
  await writeJobsIn(context, jobs, { ...options, results: true });
}

/** Inserts tables as new sheets (see `WorkbookHost.insertTables`). */
export async function insertTablesIn(
  context: Excel.RequestContext,
  tables: InsertTable[],
  options: WriteOptions,
): Promise<void> {
  const jobs = tables.map(insertJob);
  await writeJobsIn(context, jobs, { ...options, results: false });
}

/** Sync with workbook calculation suspended until then (the write phase of every round trip). */
async function syncSuspended(context: Excel.RequestContext): Promise<void> {
  context.application.suspendApiCalculationUntilNextSync();
  await context.sync();
}

/**
 * The write pipeline shared by results and inserted tables:
 * 1. inventory (2 round trips) and every check (`planWrite`): nothing changes if one fails;
 * 2. replaced sheets deleted, new sheets added, text columns formatted as text, then values in blocks;
 * 3. per sheet: number formats, the Excel table, fills, drop-down lists, frozen header, autofit, notes'
 *    charts; fills in batches of MAX_FORMAT_OPS per round trip.
 */
export async function writeJobsIn(
  context: Excel.RequestContext,
  jobs: SheetJob[],
  options: WriteOptions & { results: boolean },
): Promise<void> {
  throwIfAborted(options.signal);
  const inv = await loadInventory(context, false);
  const replaced = planWrite(
    jobs.map((j) => j.name),
    inv.sheets,
    options,
  );
  if (jobs.length === 0) return;
  const replacedNames = new Set(replaced.map((s) => s.name));
  const taken = new Set(
    inv.sheets.filter((s) => !replacedNames.has(s.name)).flatMap((s) => s.tables.map((t) => t.toLowerCase())),
  );
  const tableNames = jobs.map((j) => tableName(j.tableBase, taken));
  throwIfAborted(options.signal);

  // 2. Sheets, then values.
  const worksheets = context.workbook.worksheets;
  const keeper = replaced.length === inv.sheets.length ? worksheets.add(spareName(inv.sheets, jobs)) : null;
  for (const old of replaced) worksheets.getItem(old.name).delete();
  const sheets = jobs.map((job) => {
    const ws = worksheets.add(job.name);
    job.formats.forEach((f, c) => {
      if (f === "@" && job.rows.length > 0) ws.getRangeByIndexes(1, c, job.rows.length, 1).numberFormat = [["@"]];
    });
    if (job.notes.length > 0) {
      ws.getRangeByIndexes(0, besideColumn(job), job.notes.length, 1).values = job.notes.map((n) => [n]);
    }
    return ws;
  });

  const blocks = jobs.flatMap((job, j) =>
    rowBlocks(job.rows.length + 1, job.width).map((b) => ({ j, start: b.start, rows: b.count, columns: job.width })),
  );
  const total = blocks.reduce((s, b) => s + b.rows, 0);
  let done = 0;
  options.onProgress?.(0, total);
  for (const group of groupBlocks(blocks)) {
    throwIfAborted(options.signal);
    for (const b of group) {
      const job = jobs[b.j];
      const text = job.formats.map((f) => f === "@");
      const values = [];
      for (let r = b.start; r < b.start + b.rows; r++) {
        values.push(officeRow(r === 0 ? job.header : job.rows[r - 1], job.width, r === 0 ? undefined : text));
      }
      sheets[b.j].getRangeByIndexes(b.start, 0, b.rows, job.width).values = values;
    }
    // One round trip per group of blocks (≤ 10,000 rows): the loop is over blocks, not rows.
    await syncSuspended(context);
    done += group.reduce((s, b) => s + b.rows, 0);
    options.onProgress?.(done, total);
  }

  // 3. Formats, tables, fills, lists, charts.
  for (let j = 0; j < jobs.length; j++) {
    throwIfAborted(options.signal);
    const job = jobs[j];
    const ws = sheets[j];
    const n = job.rows.length;
    if (n > 0) {
      job.formats.forEach((f, c) => {
        if (f !== null && f !== "@") ws.getRangeByIndexes(1, c, n, 1).numberFormat = [[f]];
      });
    }
    const table = ws.tables.add(ws.getRangeByIndexes(0, 0, n + 1, job.width), true);
    table.name = tableNames[j];
    table.style = TABLE_STYLE;
    for (const v of job.validation) {
      const range = ws.getRangeByIndexes(1, v.column, Math.max(n, VALIDATION_MIN_ROWS), 1);
      range.dataValidation.rule = { list: { inCellDropDown: true, source: v.list.join(",") } };
    }
    ws.freezePanes.freezeRows(1);
    ws.getRangeByIndexes(0, 0, n + 1, job.width).format.autofitColumns();
    job.charts.forEach((spec, i) => {
      if (n === 0) return;
      const categories = ws.getRangeByIndexes(1, spec.categoryColumn, n, 1);
      const [first, ...more] = spec.seriesColumns;
      const chart = ws.charts.add(
        CHART_TYPE[spec.type] as Excel.ChartType,
        ws.getRangeByIndexes(0, first, n + 1, 1),
        "Columns" as Excel.ChartSeriesBy,
      );
      chart.title.text = spec.title;
      chart.series.getItemAt(0).setXAxisValues(categories);
      for (const c of more) {
        const series = chart.series.add(String(job.header[c] ?? ""));
        series.setValues(ws.getRangeByIndexes(1, c, n, 1));
        series.setXAxisValues(categories);
      }
      const top = job.notes.length + 1 + i * CHART_ROWS;
      const left = besideColumn(job);
      chart.setPosition(
        ws.getRangeByIndexes(top, left, 1, 1),
        ws.getRangeByIndexes(top + CHART_ROWS - 2, left + CHART_COLUMNS - 1, 1, 1),
      );
    });
    // Fills go in batches; the last batch rides with this sheet's other formats.
    for (let k = 0; k < job.fills.length; k++) {
      const { run, color } = job.fills[k];
      ws.getRangeByIndexes(1 + run.start, 0, run.count, job.width).format.fill.color = color;
      if ((k + 1) % MAX_FORMAT_OPS === 0) {
        // A round trip per MAX_FORMAT_OPS fills keeps each request small; the loop is over batches.
        await syncSuspended(context);
      }
    }
    // One round trip per sheet for its formats.
    await syncSuspended(context);
  }
  keeper?.delete();
  sheets[0].activate();
  await context.sync();
}

/** A sheet name not used by the workbook nor the jobs, for the sheet kept while every sheet is replaced. */
function spareName(existing: ReadonlyArray<ExistingSheet>, jobs: ReadonlyArray<SheetJob>): string {
  const used = new Set([...existing.map((s) => s.name), ...jobs.map((j) => j.name)].map((n) => n.toLowerCase()));
  let i = 1;
  while (used.has(`sr_keep_${i}`)) i++;
  return `SR_keep_${i}`;
}
