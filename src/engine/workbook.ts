/**
 * The user's workbook as the engine sees it: named tables of rows. Hosts (Office.js, exceljs, the
 * browser preview) collect the tables; this module recognises them by name and reads them with the
 * one table reader.
 */
import { readTable, matchesTableName, type TableRead } from "./tableReader";
import { TABLES, type TableId } from "./schema";
import type { Rows } from "./types";

/** A table found in a workbook: an Excel table (ListObject) or a sheet whose first row holds headers. */
export interface TableSource {
  /** The name the user gave it (Excel table name or sheet name). */
  name: string;
  /** The sheet it is on (for cell addresses). */
  sheet: string;
  rows: Rows;
  /** Worksheet row of the header (1-based); default 1. */
  headerRow?: number;
  /** 0-based worksheet column of the table's first column; default 0. */
  firstColumn?: number;
}

export type WorkbookTables = Partial<Record<TableId, TableSource>>;
export type ReadTables = Partial<Record<TableId, TableRead>>;

/**
 * Recognises the tables by name (Chinese or English, see schema.ts). Excel tables listed first win
 * over sheets of the same meaning; the first match wins.
 *
 * @example identifyTables([{ name: "人员", sheet: "人员", rows }]).staff?.name // => "人员"
 */
export function identifyTables(sources: ReadonlyArray<TableSource>): WorkbookTables {
  const out: WorkbookTables = {};
  for (const src of sources) {
    for (const def of Object.values(TABLES)) {
      if (!out[def.id] && matchesTableName(def, src.name)) {
        out[def.id] = src;
        break;
      }
    }
  }
  return out;
}

/** Reads every identified table with the one table reader. */
export function readTables(tables: WorkbookTables): ReadTables {
  const out: ReadTables = {};
  for (const [id, src] of Object.entries(tables) as [TableId, TableSource][]) {
    out[id] = readTable(TABLES[id], src.rows, { tableName: src.name, headerRow: src.headerRow ?? 1 });
  }
  return out;
}
