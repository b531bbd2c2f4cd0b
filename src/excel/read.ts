/**
 * Reading the user's workbook with Office.js: what sheets and Excel tables exist, and every candidate
 * table's values, in blocks of at most 10,000 rows per `context.sync()`.
 *
 * Helpers take an `Excel.RequestContext` and are called inside `Excel.run` (see officeHost.ts), so that
 * tests can hand them a mocked context.
 */
import type { CellValue } from "../engine/types";
import type { TableSource } from "../engine/workbook";
import { throwIfAborted } from "../host/errors";
import { groupBlocks, hasHeaderRow, rowBlocks, type ExistingSheet } from "../host/layout";
import type { ProgressFn } from "../host/types";
import { fromOffice } from "./cells";

/** A rectangle of cells on a sheet, 0-based. */
export interface Region {
  sheet: string;
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

export interface TableInfo extends Region {
  /** The Excel table's name. */
  name: string;
}

export interface Inventory {
  /** Sheets in workbook order, with the names of the Excel tables on each. */
  sheets: ExistingSheet[];
  /** Excel tables with where they sit (only when asked for regions). */
  tables: TableInfo[];
  /** Each sheet's used range (values only), or null for an empty sheet (only when asked for regions). */
  used: Map<string, Region | null>;
}

/**
 * Loads the sheets and Excel tables of the workbook: two round trips. With `regions`, also each
 * table's range and each sheet's used range (values only).
 */
export async function loadInventory(context: Excel.RequestContext, regions: boolean): Promise<Inventory> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const tables = context.workbook.tables;
  tables.load("items/name");
  await context.sync();

  const tableItems = tables.items.map((table) => {
    const sheet = table.worksheet;
    sheet.load("name");
    const range = regions ? table.getRange() : null;
    range?.load("rowIndex,columnIndex,rowCount,columnCount");
    return { table, sheet, range };
  });
  const usedItems = regions
    ? worksheets.items.map((ws) => {
        const used = ws.getUsedRangeOrNullObject(true);
        used.load("rowIndex,columnIndex,rowCount,columnCount"); // isNullObject comes with the sync
        return { ws, used };
      })
    : [];
  await context.sync();

  const sheets: ExistingSheet[] = worksheets.items.map((ws) => ({ name: ws.name, tables: [] }));
  const byName = new Map(sheets.map((s) => [s.name, s]));
  const infos: TableInfo[] = [];
  for (const { table, sheet, range } of tableItems) {
    byName.get(sheet.name)?.tables.push(table.name);
    if (range) infos.push({ name: table.name, sheet: sheet.name, ...regionOf(range) });
  }
  const used = new Map<string, Region | null>();
  for (const { ws, used: r } of usedItems) {
    used.set(ws.name, r.isNullObject ? null : { sheet: ws.name, ...regionOf(r) });
  }
  return { sheets, tables: infos, used };
}

function regionOf(r: Excel.Range): Omit<Region, "sheet"> {
  return { rowIndex: r.rowIndex, columnIndex: r.columnIndex, rowCount: r.rowCount, columnCount: r.columnCount };
}

function sameRegion(a: Region, b: Region): boolean {
  return (
    a.sheet === b.sheet &&
    a.rowIndex === b.rowIndex &&
    a.columnIndex === b.columnIndex &&
    a.rowCount === b.rowCount &&
    a.columnCount === b.columnCount
  );
}

/**
 * Reads the values of regions in blocks: every block request of one round trip is queued, then one
 * `context.sync()`, at most 10,000 rows and 200,000 cells per round trip (small regions share one).
 * Returns each region's rows (values only, "" as null) in the order given.
 */
export async function readRegions(
  context: Excel.RequestContext,
  regions: ReadonlyArray<Region>,
  onProgress?: ProgressFn,
  signal?: AbortSignal,
): Promise<CellValue[][][]> {
  const out: CellValue[][][] = regions.map(() => []);
  const blocks = regions.flatMap((region, index) =>
    rowBlocks(region.rowCount, region.columnCount).map((b) => ({
      index,
      region,
      start: b.start,
      rows: b.count,
      columns: region.columnCount,
    })),
  );
  const total = blocks.reduce((s, b) => s + b.rows, 0);
  let done = 0;
  onProgress?.(0, total);
  for (const group of groupBlocks(blocks)) {
    throwIfAborted(signal);
    const ranges = group.map((b) => {
      const range = context.workbook.worksheets
        .getItem(b.region.sheet)
        .getRangeByIndexes(b.region.rowIndex + b.start, b.region.columnIndex, b.rows, b.columns);
      range.load("values");
      return range;
    });
    // One round trip per group of blocks (≤ 10,000 rows): the loop is over blocks, not rows.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    group.forEach((b, i) => {
      const values = ranges[i].values;
      if (!Array.isArray(values) || values.length !== b.rows) {
        throw new Error(`Excel returned no values for ${b.region.sheet} rows ${b.region.rowIndex + b.start + 1}+`);
      }
      const target = out[b.index];
      for (const row of fromOffice(values)) target.push(row);
      done += b.rows;
    });
    onProgress?.(done, total);
  }
  return out;
}

/**
 * Every candidate table of the workbook: Excel tables first (under their table name), then sheets whose
 * used range starts with a header row (under the sheet name). A sheet whose used range is exactly one
 * Excel table is read once and listed under both names.
 */
export async function listTablesIn(
  context: Excel.RequestContext,
  onProgress?: ProgressFn,
  signal?: AbortSignal,
): Promise<TableSource[]> {
  throwIfAborted(signal);
  const inv = await loadInventory(context, true);
  const regions: Region[] = [];
  const regionIndex = (r: Region): number => {
    const i = regions.findIndex((x) => sameRegion(x, r));
    if (i >= 0) return i;
    regions.push(r);
    return regions.length - 1;
  };
  const tableRefs = inv.tables.map((t) => ({ t, i: regionIndex(t) }));
  const sheetRefs: { sheet: string; region: Region; i: number }[] = [];
  for (const s of inv.sheets) {
    const region = inv.used.get(s.name);
    if (region) sheetRefs.push({ sheet: s.name, region, i: regionIndex(region) });
  }
  const values = await readRegions(context, regions, onProgress, signal);
  const sources: TableSource[] = tableRefs.map(({ t, i }) => ({
    name: t.name,
    sheet: t.sheet,
    rows: values[i],
    headerRow: t.rowIndex + 1,
    firstColumn: t.columnIndex,
  }));
  for (const { sheet, region, i } of sheetRefs) {
    if (!hasHeaderRow(values[i])) continue;
    sources.push({
      name: sheet,
      sheet,
      rows: values[i],
      headerRow: region.rowIndex + 1,
      firstColumn: region.columnIndex,
    });
  }
  return sources;
}

/**
 * The selected table (see `WorkbookHost.selectionTable`): the Excel table under the selection's top-left
 * cell (`Range.getTables`, ExcelApi 1.9), else the selection when it spans more than one row, else the
 * sheet's used range (values only). Three round trips plus the read; null for an empty sheet or a region
 * without a header row.
 */
export async function selectionTableIn(context: Excel.RequestContext): Promise<TableSource | null> {
  const selected = context.workbook.getSelectedRange();
  selected.load("rowIndex,columnIndex,rowCount,columnCount");
  // A navigation property (a proxy, nothing to load): the rule cannot tell it from a scalar.
  // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
  const sheet = selected.worksheet;
  sheet.load("name");
  const corner = selected.getCell(0, 0);
  const tables = corner.getTables(false);
  tables.load("items/name");
  await context.sync();

  // items/name was loaded above (the rule does not read "items/…" paths on a collection from a call).
  // eslint-disable-next-line office-addins/load-object-before-read
  const table = tables.items[0];
  const name = table ? table.name : sheet.name;
  // The selection itself when it spans rows; else its table, or the sheet's used range.
  const range = table ? table.getRange() : selected.rowCount > 1 ? null : sheet.getUsedRangeOrNullObject(true);
  let region: Region;
  if (range) {
    range.load("rowIndex,columnIndex,rowCount,columnCount");
    await context.sync();
    if (range.isNullObject) return null;
    region = { sheet: sheet.name, ...regionOf(range) };
  } else {
    region = { sheet: sheet.name, ...regionOf(selected) };
  }
  const [rows] = await readRegions(context, [region]);
  if (!hasHeaderRow(rows)) return null;
  return { name, sheet: sheet.name, rows, headerRow: region.rowIndex + 1, firstColumn: region.columnIndex };
}
