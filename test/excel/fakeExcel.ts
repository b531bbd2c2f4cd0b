/**
 * A hand-written fake of the part of Excel's JavaScript API that src/excel uses, faithful where
 * office-addin-mock cannot be (collections, `items`, ranges by index, tables, charts):
 *
 * - proxy semantics: a property is readable only after `load` and the next `context.sync()`; reading it
 *   earlier throws, as Office.js does (PropertyNotLoaded). Loaded values are the state at that sync.
 * - writes and calls are recorded in `log` with the number of the round trip they belong to, and applied
 *   to an in-memory workbook (cells, tables, formats) so tests can check what the workbook looks like.
 * - errors surface at `sync()` (an unknown sheet, a duplicate sheet name, a values array of the wrong
 *   size), and `failAtSync(n)` makes the n-th sync reject, like a lost connection or a 5 MB overflow.
 */
type Cell = string | number | boolean;

export interface LogEntry {
  /** 1-based number of the round trip the operation travels with (the sync that follows it). */
  batch: number;
  op: string;
  sheet?: string;
  /** Range rectangle, 0-based. */
  r?: number;
  c?: number;
  nr?: number;
  nc?: number;
  value?: unknown;
}

export interface FakeTableModel {
  name: string;
  style?: string;
  r: number;
  c: number;
  nr: number;
  nc: number;
}

export interface FakeSheetModel {
  name: string;
  cells: Map<string, Cell>;
  tables: FakeTableModel[];
  /** numberFormat writes, in order. */
  formats: { r: number; c: number; nr: number; nc: number; format: unknown }[];
  fills: { r: number; c: number; nr: number; nc: number; color: string }[];
  charts: FakeChartModel[];
  validations: { r: number; c: number; nr: number; nc: number; rule: unknown }[];
  frozenRows: number;
}

export interface FakeChartModel {
  type: string;
  seriesBy: string;
  title?: string;
  series: { name?: string; values?: string; xValues?: string }[];
  position?: [string, string];
}

const key = (r: number, c: number): string => `${r},${c}`;
const rect = (r: number, c: number, nr: number, nc: number): string => `${r},${c}+${nr}x${nc}`;

class NotLoadedError extends Error {
  constructor(what: string) {
    super(`PropertyNotLoaded: ${what} was read before load() and sync()`);
  }
}

/** Base of every proxy object: load(), then values readable after the next sync. */
abstract class Proxy {
  protected snapshot = new Map<string, unknown>();
  /** The round trip the object was created in: `isNullObject` is known after it, without a load. */
  protected readonly born: number;
  constructor(protected readonly fake: FakeExcel) {
    this.born = fake.batch;
  }
  /** Office.js sets isNullObject at the sync after the object was asked for, loaded or not. */
  protected nullFlag(isNull: boolean): boolean {
    if (this.snapshot.has("isNullObject")) return this.get("isNullObject");
    if (this.fake.batch <= this.born) throw new NotLoadedError(`${this.constructor.name}.isNullObject`);
    return isNull;
  }
  load(props: string | string[] | Record<string, unknown>): this {
    const list =
      typeof props === "string"
        ? props.split(",").map((p) => p.trim())
        : Array.isArray(props)
          ? props
          : Object.keys(props);
    this.fake.pendingLoads.push(() => {
      for (const p of list) this.snapshot.set(p, this.read(p));
    });
    this.fake.log.push({ batch: this.fake.batch, op: `load:${list.join(",")}`, ...this.where() });
    return this;
  }
  protected get<T>(p: string): T {
    if (!this.snapshot.has(p)) throw new NotLoadedError(`${this.constructor.name}.${p}`);
    return this.snapshot.get(p) as T;
  }
  /** The current value of a loadable property (taken at sync). */
  protected abstract read(p: string): unknown;
  protected where(): Partial<LogEntry> {
    return {};
  }
}

export class FakeRange extends Proxy {
  constructor(
    fake: FakeExcel,
    readonly sheet: FakeSheetModel | null,
    readonly r: number,
    readonly c: number,
    readonly nr: number,
    readonly nc: number,
  ) {
    super(fake);
  }
  protected override where(): Partial<LogEntry> {
    return { sheet: this.sheet?.name, r: this.r, c: this.c, nr: this.nr, nc: this.nc };
  }
  protected read(p: string): unknown {
    if (p === "isNullObject") return this.sheet === null;
    if (!this.sheet) return undefined;
    switch (p) {
      case "values":
        return Array.from({ length: this.nr }, (_, i) =>
          Array.from({ length: this.nc }, (_, j) => this.sheet!.cells.get(key(this.r + i, this.c + j)) ?? ""),
        );
      case "rowIndex":
        return this.r;
      case "columnIndex":
        return this.c;
      case "rowCount":
        return this.nr;
      case "columnCount":
        return this.nc;
      default:
        throw new Error(`FakeRange cannot load ${p}`);
    }
  }
  get isNullObject(): boolean {
    return this.nullFlag(this.sheet === null);
  }
  get values(): Cell[][] {
    return this.get("values");
  }
  set values(v: Cell[][]) {
    this.fake.op("values", this.where(), v);
    if (!Array.isArray(v) || v.length !== this.nr || v.some((row) => !Array.isArray(row) || row.length !== this.nc)) {
      this.fake.fail(`values of ${rect(this.r, this.c, this.nr, this.nc)} do not match the range's size`);
      return;
    }
    v.forEach((row, i) =>
      row.forEach((cell, j) => {
        if (cell === "") this.sheet!.cells.delete(key(this.r + i, this.c + j));
        else this.sheet!.cells.set(key(this.r + i, this.c + j), cell);
      }),
    );
  }
  get rowIndex(): number {
    return this.get("rowIndex");
  }
  get columnIndex(): number {
    return this.get("columnIndex");
  }
  get rowCount(): number {
    return this.get("rowCount");
  }
  get columnCount(): number {
    return this.get("columnCount");
  }
  set numberFormat(v: unknown[][]) {
    this.fake.op("numberFormat", this.where(), v);
    const ok =
      (v.length === 1 && v[0].length === 1) || (v.length === this.nr && v.every((row) => row.length === this.nc));
    if (!ok) this.fake.fail(`numberFormat of ${rect(this.r, this.c, this.nr, this.nc)} has the wrong size`);
    this.sheet!.formats.push({ r: this.r, c: this.c, nr: this.nr, nc: this.nc, format: v[0][0] });
  }
  get format() {
    const range = this;
    return {
      fill: {
        set color(color: string) {
          range.fake.op("fill", range.where(), color);
          range.sheet!.fills.push({ r: range.r, c: range.c, nr: range.nr, nc: range.nc, color });
        },
      },
      autofitColumns(): void {
        range.fake.op("autofitColumns", range.where());
      },
    };
  }
  get dataValidation() {
    const range = this;
    return {
      set rule(rule: unknown) {
        range.fake.op("dataValidation", range.where(), rule);
        range.sheet!.validations.push({ r: range.r, c: range.c, nr: range.nr, nc: range.nc, rule });
      },
    };
  }
  select(): void {
    this.fake.op("select", this.where());
  }
  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.fake, this.sheet?.name ?? "(missing)");
  }
  getCell(r: number, c: number): FakeRange {
    return new FakeRange(this.fake, this.sheet, this.r + r, this.c + c, 1, 1);
  }
  /** The Excel tables overlapping the range (or, with `fullyContained`, inside it). */
  getTables(fullyContained: boolean): FakeCollection<FakeTable> {
    const sheet = this.sheet;
    const inside = (t: FakeTableModel): boolean =>
      fullyContained
        ? t.r >= this.r && t.c >= this.c && t.r + t.nr <= this.r + this.nr && t.c + t.nc <= this.c + this.nc
        : t.r < this.r + this.nr && this.r < t.r + t.nr && t.c < this.c + this.nc && this.c < t.c + t.nc;
    return new FakeCollection<FakeTable>(this.fake, () =>
      sheet ? sheet.tables.filter(inside).map((t) => new FakeTable(this.fake, t, sheet)) : [],
    );
  }
  /** "A1:B2" style text of the rectangle, for chart records. */
  get label(): string {
    return `${this.sheet?.name}!${rect(this.r, this.c, this.nr, this.nc)}`;
  }
}

export class FakeTable extends Proxy {
  constructor(
    fake: FakeExcel,
    readonly model: FakeTableModel,
    readonly sheet: FakeSheetModel,
  ) {
    super(fake);
  }
  protected read(p: string): unknown {
    if (p === "name") return this.model.name;
    throw new Error(`FakeTable cannot load ${p}`);
  }
  get name(): string {
    return this.get("name");
  }
  set name(v: string) {
    this.fake.op("tableName", { sheet: this.sheet.name }, v);
    if (this.fake.allTables().some((t) => t !== this.model && t.name.toLowerCase() === v.toLowerCase())) {
      this.fake.fail(`a table named ${v} already exists`);
    }
    this.model.name = v;
  }
  set style(v: string) {
    this.fake.op("tableStyle", { sheet: this.sheet.name }, v);
    this.model.style = v;
  }
  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.fake, this.sheet.name);
  }
  getRange(): FakeRange {
    const m = this.model;
    return new FakeRange(this.fake, this.sheet, m.r, m.c, m.nr, m.nc);
  }
}

class FakeChart {
  constructor(
    private readonly fake: FakeExcel,
    readonly model: FakeChartModel,
    private readonly sheet: string,
  ) {}
  get title() {
    const chart = this;
    return {
      set text(v: string) {
        chart.fake.op("chartTitle", { sheet: chart.sheet }, v);
        chart.model.title = v;
      },
    };
  }
  get series() {
    const m = this.model;
    const seriesApi = (i: number) => ({
      setXAxisValues: (r: FakeRange) => {
        m.series[i].xValues = r.label;
      },
      setValues: (r: FakeRange) => {
        m.series[i].values = r.label;
      },
    });
    return {
      getItemAt: (i: number) => seriesApi(i),
      add: (name: string) => {
        m.series.push({ name });
        return seriesApi(m.series.length - 1);
      },
    };
  }
  setPosition(a: FakeRange, b: FakeRange): void {
    this.model.position = [a.label, b.label];
  }
}

export class FakeWorksheet extends Proxy {
  constructor(
    fake: FakeExcel,
    /** The name it was asked for by (getItem) or has. */
    private readonly ref: string,
    private readonly nullable = false,
  ) {
    super(fake);
  }
  /** The sheet as it is now, or null. */
  private model(): FakeSheetModel | null {
    return this.fake.findSheet(this.ref);
  }
  private must(): FakeSheetModel {
    const m = this.model();
    if (!m) {
      this.fake.fail(`ItemNotFound: worksheet ${this.ref}`);
      return this.fake.limbo;
    }
    return m;
  }
  protected read(p: string): unknown {
    if (p === "isNullObject") return this.model() === null;
    if (p === "name") return this.must().name;
    throw new Error(`FakeWorksheet cannot load ${p}`);
  }
  get isNullObject(): boolean {
    return this.nullFlag(this.model() === null);
  }
  get name(): string {
    return this.get("name");
  }
  getRangeByIndexes(r: number, c: number, nr: number, nc: number): FakeRange {
    if (nr < 1 || nc < 1) this.fake.fail(`empty range ${rect(r, c, nr, nc)}`);
    return new FakeRange(this.fake, this.must(), r, c, nr, nc);
  }
  getUsedRangeOrNullObject(_valuesOnly?: boolean): FakeRange {
    const m = this.must();
    if (m.cells.size === 0) return new FakeRange(this.fake, null, 0, 0, 0, 0);
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    for (const k of m.cells.keys()) {
      const [r, c] = k.split(",").map(Number);
      r0 = Math.min(r0, r);
      c0 = Math.min(c0, c);
      r1 = Math.max(r1, r);
      c1 = Math.max(c1, c);
    }
    return new FakeRange(this.fake, m, r0, c0, r1 - r0 + 1, c1 - c0 + 1);
  }
  activate(): void {
    this.fake.op("activate", { sheet: this.ref });
  }
  delete(): void {
    this.fake.op("deleteSheet", { sheet: this.ref });
    const m = this.must();
    this.fake.sheets = this.fake.sheets.filter((s) => s !== m);
    if (this.fake.sheets.length === 0) this.fake.fail("a workbook must keep at least one sheet");
  }
  get freezePanes() {
    return {
      freezeRows: (n: number) => {
        this.fake.op("freezeRows", { sheet: this.ref }, n);
        this.must().frozenRows = n;
      },
    };
  }
  get tables() {
    return {
      add: (range: FakeRange, hasHeaders: boolean) => {
        this.fake.op("addTable", { sheet: this.ref, r: range.r, c: range.c, nr: range.nr, nc: range.nc }, hasHeaders);
        const model: FakeTableModel = {
          name: `Table${this.fake.allTables().length + 1}`,
          r: range.r,
          c: range.c,
          nr: range.nr,
          nc: range.nc,
        };
        const m = this.must();
        m.tables.push(model);
        return new FakeTable(this.fake, model, m);
      },
    };
  }
  get charts() {
    return {
      add: (type: string, range: FakeRange, seriesBy: string) => {
        this.fake.op("addChart", { sheet: this.ref }, type);
        const model: FakeChartModel = { type, seriesBy, series: [{ values: range.label }] };
        this.must().charts.push(model);
        return new FakeChart(this.fake, model, this.ref);
      },
    };
  }
}

class FakeCollection<T extends Proxy & { load: Proxy["load"] }> {
  private loadedItems: T[] | null = null;
  constructor(
    private readonly fake: FakeExcel,
    private readonly list: () => T[],
  ) {}
  load(props: string): this {
    const inner = props
      .split(",")
      .map((p) => p.trim())
      .filter((p) => p.startsWith("items/"))
      .map((p) => p.slice("items/".length));
    this.fake.log.push({ batch: this.fake.batch, op: `loadItems:${inner.join(",")}` });
    this.fake.pendingLoads.unshift(() => {
      this.loadedItems = this.list();
    });
    // The items' own properties are taken at the same sync, after the list.
    this.fake.pendingLoads.push(() => {
      for (const item of this.loadedItems ?? []) {
        (item as unknown as { snapshot: Map<string, unknown> }).snapshot = new Map(
          inner.map((p) => [p, (item as unknown as { read(p: string): unknown }).read(p)]),
        );
      }
    });
    return this;
  }
  get items(): T[] {
    if (!this.loadedItems) throw new NotLoadedError("collection.items");
    return this.loadedItems;
  }
}

export class FakeExcel {
  sheets: FakeSheetModel[] = [];
  log: LogEntry[] = [];
  /** Number of the round trip being built (syncs so far + 1). */
  batch = 1;
  syncs = 0;
  pendingLoads: (() => void)[] = [];
  private errors: string[] = [];
  private failing = new Map<number, Error>();
  /** Where operations on a missing sheet land (their error is raised at sync). */
  readonly limbo: FakeSheetModel = newSheet("(missing)");
  /** The selected range (0-based rectangle) that `workbook.getSelectedRange()` returns. */
  selection: { sheet: string; r: number; c: number; nr?: number; nc?: number } = { sheet: "", r: 0, c: 0 };

  /** Adds a sheet with cells from `rows` placed at (r0, c0), optionally an Excel table over them. */
  addSheet(name: string, rows: Cell[][] = [], at: { r?: number; c?: number; table?: string } = {}): FakeSheetModel {
    const m = newSheet(name);
    const r0 = at.r ?? 0;
    const c0 = at.c ?? 0;
    rows.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v !== "" && v !== null && v !== undefined) m.cells.set(key(r0 + i, c0 + j), v);
      }),
    );
    if (at.table) {
      const nc = Math.max(...rows.map((r) => r.length));
      m.tables.push({ name: at.table, r: r0, c: c0, nr: rows.length, nc });
    }
    this.sheets.push(m);
    return m;
  }

  /** Makes the n-th `sync()` (1-based, counting from now on too) reject with `error`. */
  failAtSync(n: number, error: Error): void {
    this.failing.set(n, error);
  }

  findSheet(name: string): FakeSheetModel | null {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase()) ?? null;
  }

  allTables(): FakeTableModel[] {
    return this.sheets.flatMap((s) => s.tables);
  }

  /** The sheet's cells as rows (row 0 … last used row, column 0 … last used column), "" for empty. */
  grid(name: string): Cell[][] {
    const m = this.findSheet(name);
    if (!m) throw new Error(`no sheet ${name}`);
    let r1 = -1;
    let c1 = -1;
    for (const k of m.cells.keys()) {
      const [r, c] = k.split(",").map(Number);
      r1 = Math.max(r1, r);
      c1 = Math.max(c1, c);
    }
    return Array.from({ length: r1 + 1 }, (_, r) =>
      Array.from({ length: c1 + 1 }, (_, c) => m.cells.get(key(r, c)) ?? ""),
    );
  }

  op(op: string, where: Partial<LogEntry>, value?: unknown): void {
    this.log.push({ batch: this.batch, op, ...where, value });
  }

  fail(message: string): void {
    this.errors.push(message);
  }

  /** Operations of one kind. */
  ops(op: string): LogEntry[] {
    return this.log.filter((e) => e.op === op);
  }

  readonly context = {
    sync: async (): Promise<void> => {
      this.syncs++;
      const n = this.syncs;
      this.log.push({ batch: this.batch, op: "sync" });
      this.batch++;
      const injected = this.failing.get(n);
      if (injected) {
        this.pendingLoads = [];
        throw injected;
      }
      if (this.errors.length > 0) {
        const message = this.errors.join("; ");
        this.errors = [];
        this.pendingLoads = [];
        throw new Error(message);
      }
      const loads = this.pendingLoads;
      this.pendingLoads = [];
      for (const f of loads) f();
    },
    application: {
      suspendApiCalculationUntilNextSync: (): void => {
        this.op("suspendCalculation", {});
      },
    },
    workbook: {
      getSelectedRange: (): FakeRange => {
        const s = this.selection;
        const m = this.findSheet(s.sheet) ?? this.sheets[0] ?? null;
        return new FakeRange(this, m, s.r, s.c, s.nr ?? 1, s.nc ?? 1);
      },
      worksheets: Object.assign(
        new FakeCollection<FakeWorksheet>(this, () => this.sheets.map((s) => new FakeWorksheet(this, s.name))),
        {
          getItem: (name: string) => new FakeWorksheet(this, name),
          getItemOrNullObject: (name: string) => new FakeWorksheet(this, name, true),
          add: (name: string) => {
            this.op("addSheet", { sheet: name });
            if (this.findSheet(name)) this.fail(`a sheet named ${name} already exists`);
            else this.sheets.push(newSheet(name));
            return new FakeWorksheet(this, name);
          },
        },
      ),
      tables: new FakeCollection<FakeTable>(this, () =>
        this.sheets.flatMap((s) => s.tables.map((t) => new FakeTable(this, t, s))),
      ),
    },
  };

  /** The context typed as Office.js's, for the helpers under test. */
  get excelContext(): Excel.RequestContext {
    return this.context as unknown as Excel.RequestContext;
  }
}

function newSheet(name: string): FakeSheetModel {
  return { name, cells: new Map(), tables: [], formats: [], fills: [], charts: [], validations: [], frozenRows: 0 };
}
