/**
 * The Office.js workbook host: each call is one `Excel.run` around a helper of read.ts / write.ts.
 * This folder is the only code that calls Office.js.
 */
import type { ResultSheet } from "../engine/report";
import type { TableSource } from "../engine/workbook";
import type { InsertTable, ProgressFn, WorkbookHost, WriteOptions } from "../host/types";
import { listTablesIn, selectionTableIn } from "./read";
import { existingSheetsIn, insertTablesIn, selectCellIn, writeResultsIn } from "./write";

/** Runs a batch against the workbook: `Excel.run` in Office, a mocked context in tests. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

const excelRun: ExcelRun = (batch) => Excel.run(batch);

export class OfficeHost implements WorkbookHost {
  readonly kind = "office" as const;

  constructor(private readonly run: ExcelRun = excelRun) {}

  listTables(onProgress?: ProgressFn, signal?: AbortSignal): Promise<TableSource[]> {
    return this.run((context) => listTablesIn(context, onProgress, signal));
  }

  existingSheets(names: string[]): Promise<string[]> {
    return this.run((context) => existingSheetsIn(context, names));
  }

  writeResults(sheets: ResultSheet[], options: WriteOptions): Promise<void> {
    return this.run((context) => writeResultsIn(context, sheets, options));
  }

  selectCell(sheet: string, row: number, column: number): Promise<void> {
    return this.run((context) => selectCellIn(context, sheet, row, column));
  }

  insertTables(tables: InsertTable[], options: WriteOptions): Promise<void> {
    return this.run((context) => insertTablesIn(context, tables, options));
  }

  selectionTable(): Promise<TableSource | null> {
    return this.run((context) => selectionTableIn(context));
  }
}
