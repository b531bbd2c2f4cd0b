/**
 * Test doubles for the task pane: an in-memory workbook host (the WorkbookHost interface over arrays,
 * recording what the panes asked of it) and helpers to build a service on it.
 */
import type { ResultSheet } from "../../src/engine/report";
import type { TableSource } from "../../src/engine/workbook";
import { HostError } from "../../src/host/errors";
import type { InsertTable, WorkbookHost, WriteOptions } from "../../src/host/types";

export interface Deferred {
  promise: Promise<void>;
  resolve(): void;
}

export function deferred(): Deferred {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

export class MemoryHost implements WorkbookHost {
  readonly kind = "preview" as const;
  sources: TableSource[];
  sheets: string[];
  written: ResultSheet[][] = [];
  inserted: InsertTable[][] = [];
  selected: { sheet: string; row: number; column: number }[] = [];
  /** When set, writeResults waits for it (to observe progress and cancel mid-run). */
  writeGate?: Promise<void>;

  constructor(sources: TableSource[], extraSheets: string[] = []) {
    this.sources = sources;
    this.sheets = [...sources.map((s) => s.sheet), ...extraSheets];
  }

  async listTables(onProgress?: (done: number, total: number) => void): Promise<TableSource[]> {
    const total = this.sources.reduce((n, s) => n + s.rows.length, 0);
    onProgress?.(total, total);
    return this.sources;
  }

  async existingSheets(names: string[]): Promise<string[]> {
    const have = new Set(this.sheets.map((s) => s.toLowerCase()));
    return names.filter((n) => have.has(n.toLowerCase()));
  }

  async writeResults(sheets: ResultSheet[], options: WriteOptions): Promise<void> {
    if (this.writeGate) await this.writeGate;
    if (options.signal?.aborted) throw new HostError("host.cancelled");
    const clash = await this.existingSheets(sheets.map((s) => s.name));
    if (clash.length > 0 && !options.replace) throw new HostError("host.sheetExists", { sheet: clash[0]! });
    const total = sheets.reduce((n, s) => n + s.rows.length, 0);
    options.onProgress?.(total, total);
    this.written.push(sheets);
    for (const s of sheets) if (!clash.includes(s.name)) this.sheets.push(s.name);
  }

  async selectCell(sheet: string, row: number, column: number): Promise<void> {
    this.selected.push({ sheet, row, column });
  }

  async insertTables(tables: InsertTable[], options: WriteOptions): Promise<void> {
    const clash = await this.existingSheets(tables.map((t) => t.name));
    if (clash.length > 0 && !options.replace) throw new HostError("host.sheetExists", { sheet: clash[0]! });
    this.inserted.push(tables);
    for (const t of tables) {
      this.sources = this.sources.filter((s) => s.sheet !== t.name);
      this.sources.push({ name: t.name, sheet: t.name, rows: t.rows });
      if (!clash.includes(t.name)) this.sheets.push(t.name);
    }
  }
}
