/**
 * Fast .xlsx reading and writing straight on the package (the zip of XML parts), for large workbooks.
 *
 * Reading (`readPackage`): the cell values of every sheet and the Excel tables (ListObjects), from the
 * workbook, its relationships, shared strings, styles (to tell dates from numbers) and sheet XML, scanned
 * with regular expressions. exceljs builds a full object model (styles, cell objects) and is ~10× slower.
 *
 * Writing (`openPackage` … `bytes()`): the result sheets are added to the input package as new parts; every
 * part of the input (sheets, tables, styles, charts, pivot tables, validation, anything exceljs does not model)
 * is copied byte for byte, still compressed, by a small zip writer here. Only workbook.xml, its
 * relationships, [Content_Types].xml and styles.xml are edited, by insertion. So nothing of the input is lost,
 * and it is fast.
 *
 * No Node APIs: the same code runs in a browser (JSZip, which exceljs uses too, reads parts; compression is a
 * `ZipCodec`: Node passes zlib's, the default uses the platform's CompressionStream).
 */
import JSZip from "jszip";
import type { CellValue } from "../engine/types";

const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL_WORKSHEET = `${REL_NS}/worksheet`;
const REL_STYLES = `${REL_NS}/styles`;
const CT_WORKSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const CT_STYLES = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
const MS_PER_DAY = 86_400_000;

// ------------------------------------------------------------------------------------------ XML helpers

const ENTITY = /&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g;

/** Decodes XML character references and the five predefined entities. */
export function decodeXml(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(ENTITY, (_, e: string) => {
    switch (e) {
      case "amp":
        return "&";
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "quot":
        return '"';
      case "apos":
        return "'";
      default:
        return String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    }
  });
}

// Characters XML 1.0 does not allow (Excel would refuse the file).
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

/** Escapes text for an XML text node or attribute, dropping characters XML cannot hold. */
export function escapeXml(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return s;
  return s
    .replace(INVALID_XML, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** The attributes of one start tag (`<x a="1" b='2'>`), names as written (with prefixes), values decoded. */
function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(tag))) out[m[1]] = decodeXml(m[2] ?? m[3] ?? "");
  return out;
}

/** An attribute by local name, whatever its prefix (`r:id`, `ns1:id`). */
function attrLocal(a: Record<string, string>, local: string): string | undefined {
  for (const [k, v] of Object.entries(a)) if (k === local || k.endsWith(`:${local}`)) return v;
  return undefined;
}

/** Every start tag of an element by local name (any prefix), e.g. all `<sheet …/>` of workbook.xml. */
function startTags(xml: string, local: string): string[] {
  const re = new RegExp(`<(?:[\\w.-]+:)?${local}(?=[\\s/>])[^>]*>`, "g");
  return xml.match(re) ?? [];
}

/** The prefix ("" or "x:") of the root element `local` of a part. */
function prefixOf(xml: string, local: string): string {
  const m = new RegExp(`<([\\w.-]+:)?${local}[\\s>]`).exec(xml);
  return m?.[1] ?? "";
}

/** Resolves a relationship target against the folder of the part that holds it ("xl/" for xl/workbook.xml). */
function resolveTarget(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = (base + target).split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p !== "." && p !== "") out.push(p);
  }
  return out.join("/");
}

function folderOf(path: string): string {
  const i = path.lastIndexOf("/");
  return i < 0 ? "" : path.slice(0, i + 1);
}

function relsPathOf(part: string): string {
  return `${folderOf(part)}_rels/${part.slice(folderOf(part).length)}.rels`;
}

interface Rel {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

function parseRels(xml: string | undefined): Rel[] {
  if (!xml) return [];
  return startTags(xml, "Relationship").map((tag) => {
    const a = attributes(tag);
    return { id: a.Id ?? "", type: a.Type ?? "", target: a.Target ?? "", external: a.TargetMode === "External" };
  });
}

async function text(zip: JSZip, path: string): Promise<string | undefined> {
  const f = zip.file(path);
  // Bytes and the platform's decoder: JSZip's own UTF-8 decoding is several times slower on large parts.
  return f ? new TextDecoder().decode(await f.async("uint8array")) : undefined;
}

/**
 * Text written in pieces and kept as UTF-8 bytes in blocks, so that a sheet of a million cells never becomes
 * one giant string.
 *
 * @example const b = new ByteBuilder(); b.add("<a>"); b.add("</a>"); b.bytes() // => UTF-8 of "<a></a>"
 */
export class ByteBuilder {
  private readonly blocks: Uint8Array[] = [];
  private pending = "";
  private size = 0;
  private readonly encoder = new TextEncoder();

  add(s: string): void {
    this.pending += s;
    if (this.pending.length >= 1 << 16) this.flush();
  }

  private flush(): void {
    if (this.pending === "") return;
    const b = this.encoder.encode(this.pending);
    this.blocks.push(b);
    this.size += b.length;
    this.pending = "";
  }

  bytes(): Uint8Array {
    this.flush();
    if (this.blocks.length === 1) return this.blocks[0];
    const out = new Uint8Array(this.size);
    let p = 0;
    for (const b of this.blocks) {
      out.set(b, p);
      p += b.length;
    }
    this.blocks.length = 0;
    this.blocks.push(out);
    return out;
  }
}

// ------------------------------------------------------------------------------------------ reading

export interface TableRef {
  name: string;
  /** A1 range of the table, header and totals included. */
  ref: string;
  headerRow: boolean;
  totalsRow: boolean;
}

/** One worksheet's values: rows by 1-based number, each a sparse array indexed by 1-based column. */
export interface SheetGrid {
  name: string;
  rows: Map<number, CellValue[]>;
  tables: TableRef[];
}

/** The package's main parts: where the workbook is and what it links to. */
interface WorkbookParts {
  workbookPath: string;
  workbookXml: string;
  rels: Rel[];
  sheets: { name: string; sheetId: number; rid: string; path?: string }[];
  date1904: boolean;
}

async function workbookParts(zip: JSZip): Promise<WorkbookParts | undefined> {
  const root = parseRels(await text(zip, "_rels/.rels"));
  const main = root.find((r) => r.type.endsWith("/officeDocument"));
  const workbookPath = main ? resolveTarget("", main.target) : "xl/workbook.xml";
  const workbookXml = await text(zip, workbookPath);
  if (!workbookXml) return undefined;
  const rels = parseRels(await text(zip, relsPathOf(workbookPath)));
  const base = folderOf(workbookPath);
  const sheets = startTags(workbookXml, "sheet").map((tag) => {
    const a = attributes(tag);
    const rid = attrLocal(a, "id") ?? "";
    const rel = rels.find((r) => r.id === rid && !r.external);
    return {
      name: a.name ?? "",
      sheetId: Number(a.sheetId ?? 0),
      rid,
      path: rel && rel.type.endsWith("/worksheet") ? resolveTarget(base, rel.target) : undefined,
    };
  });
  const pr = startTags(workbookXml, "workbookPr")[0];
  const d = pr ? attributes(pr).date1904 : undefined;
  return { workbookPath, workbookXml, rels, sheets, date1904: d === "1" || d === "true" };
}

/** Shared strings: the text of every `<si>`, runs joined, phonetic runs (`<rPh>`) left out. */
function parseSharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  const out: string[] = [];
  const si = /<(?:[\w.-]+:)?si>([\s\S]*?)<\/(?:[\w.-]+:)?si>|<(?:[\w.-]+:)?si\/>/g;
  let m: RegExpExecArray | null;
  while ((m = si.exec(xml))) out.push(m[1] === undefined ? "" : runText(m[1]));
  return out;
}

/** The text of `<t>` elements in a string item, phonetic runs left out. */
function runText(inner: string): string {
  let s = inner;
  if (s.indexOf("rPh") >= 0) s = s.replace(/<(?:[\w.-]+:)?rPh\b[\s\S]*?<\/(?:[\w.-]+:)?rPh>/g, "");
  const t = /<(?:[\w.-]+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?t>/g;
  let out = "";
  let m: RegExpExecArray | null;
  while ((m = t.exec(s))) out += m[1];
  return decodeXml(out);
}

const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57]);

/** True for a number format that shows a date or time (d, m, y, h, s outside quotes and brackets). */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "");
  return /[dmyhs]/i.test(bare.split(";")[0]) && !/^General$/i.test(bare);
}

/** For each cell style index: is it a date format. */
function dateStyles(xml: string | undefined): boolean[] {
  if (!xml) return [];
  const custom = new Map<number, string>();
  for (const tag of startTags(xml, "numFmt")) {
    const a = attributes(tag);
    custom.set(Number(a.numFmtId), a.formatCode ?? "");
  }
  const xfs = /<(?:[\w.-]+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?cellXfs>/.exec(xml);
  if (!xfs) return [];
  return startTags(xfs[1], "xf").map((tag) => {
    const id = Number(attributes(tag).numFmtId ?? 0);
    const code = custom.get(id);
    return code !== undefined ? isDateFormat(code) : BUILTIN_DATE_FORMATS.has(id);
  });
}

/** "AB" → 28. */
function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

const CELL = /<(?:[\w.-]+:)?row\b([^>]*?)\/?>|<(?:[\w.-]+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?c>)/g;
const V = /<(?:[\w.-]+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?v>/;
const IS = /<(?:[\w.-]+:)?is>([\s\S]*?)<\/(?:[\w.-]+:)?is>/;

/** The values of one sheet's `<sheetData>`. */
function parseSheetData(
  xml: string,
  shared: ReadonlyArray<string>,
  isDate: ReadonlyArray<boolean>,
  date1904: boolean,
): Map<number, CellValue[]> {
  const rows = new Map<number, CellValue[]>();
  const start = xml.search(/<(?:[\w.-]+:)?sheetData[\s>/]/);
  if (start < 0) return rows;
  const endM = /<\/(?:[\w.-]+:)?sheetData>/.exec(xml.slice(start));
  const data = endM ? xml.slice(start, start + endM.index) : xml.slice(start);
  const offset = date1904 ? 24107 : 25569; // serial of 1970-01-01
  let rowNum = 0;
  let col = 0;
  let row: CellValue[] | undefined;
  CELL.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CELL.exec(data))) {
    if (m[1] !== undefined) {
      const r = /\br="(\d+)"/.exec(m[1]);
      rowNum = r ? Number(r[1]) : rowNum + 1;
      col = 0;
      row = undefined;
      continue;
    }
    const attrs = m[2];
    const inner = m[3];
    const ref = /\br="([A-Z]+)(\d+)"/.exec(attrs);
    if (ref) {
      col = columnNumber(ref[1]);
      const rn = Number(ref[2]);
      if (rn !== rowNum) {
        rowNum = rn;
        row = undefined;
      }
    } else col++;
    if (inner === undefined || inner === "") continue;
    const tm = /\bt="(\w+)"/.exec(attrs);
    const type = tm ? tm[1] : "n";
    let value: CellValue = null;
    if (type === "inlineStr") {
      const is = IS.exec(inner);
      value = is ? runText(is[1]) : "";
    } else {
      const v = V.exec(inner);
      if (!v) continue;
      const raw = v[1];
      switch (type) {
        case "s":
          value = shared[Number(raw)] ?? "";
          break;
        case "str":
        case "e":
          value = decodeXml(raw);
          break;
        case "b":
          value = raw.trim() === "1" || raw.trim() === "true";
          break;
        case "d":
          value = new Date(decodeXml(raw));
          break;
        default: {
          if (raw === "") continue;
          const n = Number(raw);
          const sm = /\bs="(\d+)"/.exec(attrs);
          value = sm && isDate[Number(sm[1])] ? new Date(Math.round((n - offset) * MS_PER_DAY)) : n;
        }
      }
    }
    if (!row) {
      row = rows.get(rowNum);
      if (!row) rows.set(rowNum, (row = []));
    }
    row[col] = value;
  }
  return rows;
}

export type PackageError = "cli.notXlsx";

/**
 * Reads every sheet's values and Excel tables from .xlsx bytes (already sniffed as a zip).
 *
 * @example
 * const r = await readPackage(bytes);
 * if (r.ok) r.sheets.map((s) => s.name); // => ["人员", "岗位", …]
 */
export async function readPackage(
  data: Uint8Array | ArrayBuffer,
): Promise<{ ok: true; sheets: SheetGrid[] } | { ok: false; key: PackageError }> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data);
  } catch {
    return { ok: false, key: "cli.notXlsx" };
  }
  try {
    const wb = await workbookParts(zip);
    if (!wb || wb.sheets.length === 0) return { ok: false, key: "cli.notXlsx" };
    const base = folderOf(wb.workbookPath);
    const sstRel = wb.rels.find((r) => r.type.endsWith("/sharedStrings"));
    const stylesRel = wb.rels.find((r) => r.type.endsWith("/styles"));
    const shared = parseSharedStrings(sstRel ? await text(zip, resolveTarget(base, sstRel.target)) : undefined);
    const isDate = dateStyles(stylesRel ? await text(zip, resolveTarget(base, stylesRel.target)) : undefined);
    const sheets: SheetGrid[] = [];
    for (const s of wb.sheets) {
      if (!s.path) continue; // a chart sheet or a dialog sheet: no cells
      const xml = await text(zip, s.path);
      if (xml === undefined) continue;
      const tables: TableRef[] = [];
      const rels = parseRels(await text(zip, relsPathOf(s.path)));
      for (const rel of rels) {
        if (!rel.type.endsWith("/table") || rel.external) continue;
        const txml = await text(zip, resolveTarget(folderOf(s.path), rel.target));
        const tag = txml ? startTags(txml, "table")[0] : undefined;
        if (!tag) continue;
        const a = attributes(tag);
        tables.push({
          name: a.name ?? a.displayName ?? "",
          ref: a.ref ?? "",
          headerRow: a.headerRowCount === undefined || a.headerRowCount !== "0",
          totalsRow: a.totalsRowCount !== undefined && a.totalsRowCount !== "0",
        });
      }
      sheets.push({ name: s.name, rows: parseSheetData(xml, shared, isDate, wb.date1904), tables });
    }
    return sheets.length > 0 ? { ok: true, sheets } : { ok: false, key: "cli.notXlsx" };
  } catch {
    return { ok: false, key: "cli.notXlsx" };
  }
}

// ------------------------------------------------------------------------------------------ writing

/** A cell style the writer needs: a number format, bold, a fill colour (ARGB), vertical centring. */
export interface CellStyle {
  numFmt?: string;
  bold?: boolean;
  fill?: string;
  middle?: boolean;
}

/** A sheet ready to be written: cells as XML fragments per row, produced by the caller. */
export interface SheetPart {
  name: string;
  /** The complete worksheet XML. */
  xml: string;
}

const BUILTIN_FORMATS: Record<string, number> = { General: 0, "0": 1, "0.00": 2, "0%": 9, "0.00%": 10 };

/**
 * Style registry over a package's styles.xml: `id(style)` gives the cellXfs index of a style, adding the
 * number format, font, fill and xf on first use; `xml()` is styles.xml with the additions.
 */
export class StyleBook {
  private readonly xfs = new Map<string, number>();
  private readonly numFmtIds = new Map<string, number>();
  private readonly newNumFmts: string[] = [];
  private readonly newFills: string[] = [];
  private readonly fillIds = new Map<string, number>();
  private readonly newXfs: string[] = [];
  private boldFontId: number | undefined;
  private boldFont = "";
  private nextNumFmt = 164;
  private readonly fontCount: number;
  private readonly fillCount: number;
  private readonly xfCount: number;
  private readonly p: string;

  constructor(private readonly source: string) {
    this.p = prefixOf(source, "styleSheet");
    for (const tag of startTags(source, "numFmt")) {
      const a = attributes(tag);
      const id = Number(a.numFmtId);
      if (a.formatCode !== undefined && !this.numFmtIds.has(a.formatCode)) this.numFmtIds.set(a.formatCode, id);
      this.nextNumFmt = Math.max(this.nextNumFmt, id + 1);
    }
    this.fontCount = this.countOf("fonts", "font");
    this.fillCount = this.countOf("fills", "fill");
    this.xfCount = this.countOf("cellXfs", "xf");
  }

  private section(name: string): RegExpExecArray | null {
    return new RegExp(`<(?:[\\w.-]+:)?${name}\\b[^>]*?(?:/>|>([\\s\\S]*?)</(?:[\\w.-]+:)?${name}>)`).exec(this.source);
  }

  private countOf(section: string, item: string): number {
    const m = this.section(section);
    if (!m || m[1] === undefined) return 0;
    // Direct children only: fonts/fills/xf do not nest in themselves.
    return startTags(m[1], item).length;
  }

  /** The cellXfs index of a style. */
  id(style: CellStyle): number {
    if (style.numFmt === undefined && !style.bold && !style.fill && !style.middle) return 0;
    const key = `${style.numFmt ?? ""}|${style.bold ? 1 : 0}|${style.fill ?? ""}|${style.middle ? 1 : 0}`;
    let id = this.xfs.get(key);
    if (id !== undefined) return id;
    const numFmtId = style.numFmt === undefined ? 0 : this.numFmtId(style.numFmt);
    const fontId = style.bold ? this.bold() : 0;
    const fillId = style.fill ? this.fill(style.fill) : 0;
    const p = this.p;
    const applies =
      (numFmtId ? ' applyNumberFormat="1"' : "") +
      (fontId ? ' applyFont="1"' : "") +
      (fillId ? ' applyFill="1"' : "") +
      (style.middle ? ' applyAlignment="1"' : "");
    const body = style.middle ? `><${p}alignment vertical="center"/></${p}xf>` : "/>";
    this.newXfs.push(
      `<${p}xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0"${applies}${body}`,
    );
    id = this.xfCount + this.newXfs.length - 1;
    this.xfs.set(key, id);
    return id;
  }

  private numFmtId(code: string): number {
    const builtin = BUILTIN_FORMATS[code];
    if (builtin !== undefined) return builtin;
    let id = this.numFmtIds.get(code);
    if (id === undefined) {
      id = this.nextNumFmt++;
      this.numFmtIds.set(code, id);
      this.newNumFmts.push(`<${this.p}numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    }
    return id;
  }

  private bold(): number {
    if (this.boldFontId === undefined) {
      const fonts = this.section("fonts");
      const first = fonts?.[1]
        ? /<(?:[\w.-]+:)?font\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?font>)/.exec(fonts[1])
        : null;
      const inner = (first?.[1] ?? "").replace(/<(?:[\w.-]+:)?b\s*(?:val="[^"]*"\s*)?\/>/g, "");
      this.boldFont = `<${this.p}font><${this.p}b/>${inner}</${this.p}font>`;
      this.boldFontId = this.fontCount;
    }
    return this.boldFontId;
  }

  private fill(argb: string): number {
    let id = this.fillIds.get(argb);
    if (id === undefined) {
      const p = this.p;
      this.newFills.push(
        `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`,
      );
      id = this.fillCount + this.newFills.length - 1;
      this.fillIds.set(argb, id);
    }
    return id;
  }

  /** styles.xml with the additions (unchanged when nothing was added). */
  xml(): string {
    let s = this.source;
    const p = this.p;
    if (this.newNumFmts.length) s = appendTo(s, "numFmts", "numFmt", this.newNumFmts, p, "styleSheet");
    if (this.boldFontId !== undefined) s = appendTo(s, "fonts", "font", [this.boldFont], p, "styleSheet");
    if (this.newFills.length) s = appendTo(s, "fills", "fill", this.newFills, p, "styleSheet");
    if (this.newXfs.length) s = appendTo(s, "cellXfs", "xf", this.newXfs, p, "styleSheet");
    return s;
  }
}

/** Children of styleSheet in schema order (for inserting a missing section in its place). */
const STYLE_ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs"];

/**
 * Appends items to a section (`<numFmts count="2">…</numFmts>`), updating its count; creates the section in
 * schema order when it is missing or self-closing.
 */
function appendTo(xml: string, section: string, item: string, items: string[], p: string, root: string): string {
  const re = new RegExp(`<((?:[\\w.-]+:)?${section})\\b([^>]*?)(/?)>`);
  const m = re.exec(xml);
  const updateCount = (attrs: string, add: number, current: number): string =>
    /\bcount="\d+"/.test(attrs)
      ? attrs.replace(/\bcount="(\d+)"/, (_, c: string) => `count="${Number(c) + add}"`)
      : `${attrs} count="${current + add}"`;
  if (m && m[3] !== "/") {
    const close = `</${m[1]}>`;
    const end = xml.indexOf(close, m.index);
    const inner = xml.slice(m.index + m[0].length, end);
    const current = startTags(inner, item).length;
    const open = `<${m[1]}${updateCount(m[2], items.length, current)}>`;
    return xml.slice(0, m.index) + open + inner + items.join("") + xml.slice(end);
  }
  const block = `<${p}${section} count="${items.length}">${items.join("")}</${p}${section}>`;
  if (m) return xml.slice(0, m.index) + block + xml.slice(m.index + m[0].length);
  // Missing: before the first section that follows it in schema order, else before the root's end.
  const after = STYLE_ORDER.slice(STYLE_ORDER.indexOf(section) + 1);
  for (const next of after) {
    const n = new RegExp(`<(?:[\\w.-]+:)?${next}\\b`).exec(xml);
    if (n) return xml.slice(0, n.index) + block + xml.slice(n.index);
  }
  const end = xml.lastIndexOf(`</${p}${root}>`);
  return xml.slice(0, end) + block + xml.slice(end);
}

const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  "</styleSheet>";

// ------------------------------------------------------------------------------------------ zip

/** Compression for new zip entries: raw deflate and CRC-32 (Node: zlib.deflateRawSync and zlib.crc32). */
export interface ZipCodec {
  deflateRaw?(data: Uint8Array): Uint8Array | Promise<Uint8Array>;
  crc32(data: Uint8Array): number;
}

let CRC_TABLE: Int32Array | undefined;

/** CRC-32 (IEEE), table-driven. @example crc32(new TextEncoder().encode("123456789")) // => 0xcbf43926 */
export function crc32(data: Uint8Array): number {
  if (!CRC_TABLE) {
    CRC_TABLE = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE[n] = c;
    }
  }
  const table = CRC_TABLE;
  let c = -1;
  for (let i = 0; i < data.length; i++) c = table[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** The platform's codec: CompressionStream("deflate-raw") where there is one, else entries are stored. */
export const DEFAULT_CODEC: ZipCodec = {
  crc32,
  deflateRaw:
    typeof CompressionStream === "undefined"
      ? undefined
      : async (data) => {
          const stream = new Blob([data as unknown as ArrayBuffer])
            .stream()
            .pipeThrough(new CompressionStream("deflate-raw"));
          return new Uint8Array(await new Response(stream).arrayBuffer());
        },
};

export interface ZipEntry {
  name: string;
  nameBytes: Uint8Array;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** The compressed bytes, as stored. */
  raw: Uint8Array;
}

/** The entries of a zip from its central directory, each with its stored (still compressed) bytes. */
export function zipEntries(u: Uint8Array): ZipEntry[] {
  const dv = new DataView(u.buffer, u.byteOffset, u.byteLength);
  let eocd = -1;
  for (let i = u.length - 22; i >= Math.max(0, u.length - 65557); i--) {
    if (dv.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error("no zip directory");
  const count = dv.getUint16(eocd + 10, true);
  let p = dv.getUint32(eocd + 16, true);
  if (count === 0xffff || p === 0xffffffff) throw new Error("zip64 is not supported");
  const utf8 = new TextDecoder();
  const out: ZipEntry[] = [];
  for (let k = 0; k < count; k++) {
    if (dv.getUint32(p, true) !== 0x02014b50) throw new Error("bad zip directory");
    const flags = dv.getUint16(p + 8, true);
    const method = dv.getUint16(p + 10, true);
    const time = dv.getUint16(p + 12, true);
    const date = dv.getUint16(p + 14, true);
    const crc = dv.getUint32(p + 16, true);
    const compressedSize = dv.getUint32(p + 20, true);
    const size = dv.getUint32(p + 24, true);
    const n = dv.getUint16(p + 28, true);
    const e = dv.getUint16(p + 30, true);
    const c = dv.getUint16(p + 32, true);
    const local = dv.getUint32(p + 42, true);
    if (compressedSize === 0xffffffff || size === 0xffffffff || local === 0xffffffff) {
      throw new Error("zip64 is not supported");
    }
    const nameBytes = u.subarray(p + 46, p + 46 + n);
    const start = local + 30 + dv.getUint16(local + 26, true) + dv.getUint16(local + 28, true);
    out.push({
      name: utf8.decode(nameBytes),
      nameBytes,
      flags: flags & ~0x8, // sizes are written in the headers, no data descriptor
      method,
      time,
      date,
      crc,
      compressedSize,
      size,
      raw: u.subarray(start, start + compressedSize),
    });
    p += 46 + n + e + c;
  }
  return out;
}

const DOS_DATE_1980 = (1 << 5) | 1; // 1980-01-01: new parts carry a fixed date, so output is reproducible

async function newEntry(name: string, data: Uint8Array, codec: ZipCodec): Promise<ZipEntry> {
  const deflated = codec.deflateRaw ? await codec.deflateRaw(data) : undefined;
  const stored = !deflated || deflated.length >= data.length;
  const raw = stored ? data : deflated!;
  return {
    name,
    nameBytes: new TextEncoder().encode(name),
    flags: 0x800, // UTF-8 name
    method: stored ? 0 : 8,
    time: 0,
    date: DOS_DATE_1980,
    crc: codec.crc32(data),
    compressedSize: raw.length,
    size: data.length,
    raw,
  };
}

/** A zip of the entries, in order. */
function writeZip(entries: ReadonlyArray<ZipEntry>): Uint8Array {
  let size = 22;
  for (const e of entries) size += 30 + e.nameBytes.length + e.raw.length + 46 + e.nameBytes.length;
  if (size > 0xfffffffe || entries.length > 0xfffe) throw new Error("the workbook is too large for a zip");
  const out = new Uint8Array(size);
  const dv = new DataView(out.buffer);
  const offsets: number[] = [];
  let p = 0;
  for (const e of entries) {
    offsets.push(p);
    dv.setUint32(p, 0x04034b50, true);
    dv.setUint16(p + 4, 20, true);
    dv.setUint16(p + 6, e.flags, true);
    dv.setUint16(p + 8, e.method, true);
    dv.setUint16(p + 10, e.time, true);
    dv.setUint16(p + 12, e.date, true);
    dv.setUint32(p + 14, e.crc, true);
    dv.setUint32(p + 18, e.compressedSize, true);
    dv.setUint32(p + 22, e.size, true);
    dv.setUint16(p + 26, e.nameBytes.length, true);
    dv.setUint16(p + 28, 0, true);
    out.set(e.nameBytes, p + 30);
    p += 30 + e.nameBytes.length;
    out.set(e.raw, p);
    p += e.raw.length;
  }
  const cd = p;
  entries.forEach((e, k) => {
    dv.setUint32(p, 0x02014b50, true);
    dv.setUint16(p + 4, 20, true);
    dv.setUint16(p + 6, 20, true);
    dv.setUint16(p + 8, e.flags, true);
    dv.setUint16(p + 10, e.method, true);
    dv.setUint16(p + 12, e.time, true);
    dv.setUint16(p + 14, e.date, true);
    dv.setUint32(p + 16, e.crc, true);
    dv.setUint32(p + 20, e.compressedSize, true);
    dv.setUint32(p + 24, e.size, true);
    dv.setUint16(p + 28, e.nameBytes.length, true);
    // extra, comment, disk, internal and external attributes: 0
    dv.setUint32(p + 42, offsets[k], true);
    out.set(e.nameBytes, p + 46);
    p += 46 + e.nameBytes.length;
  });
  dv.setUint32(p, 0x06054b50, true);
  dv.setUint16(p + 8, entries.length, true);
  dv.setUint16(p + 10, entries.length, true);
  dv.setUint32(p + 12, p - cd, true);
  dv.setUint32(p + 16, cd, true);
  return out;
}

/** An open package to add sheets to. */
export interface PackageWriter {
  /** Names of the sheets already in the workbook. */
  sheetNames: string[];
  styles: StyleBook;
  /**
   * Adds a worksheet part; `filterRef` (e.g. "A1:K1") also registers the sheet's AutoFilter name, as Excel
   * does.
   */
  addSheet(name: string, xml: string | Uint8Array, filterRef?: string): void;
  /** The package as bytes. */
  bytes(): Promise<Uint8Array>;
}

/**
 * Opens .xlsx bytes for adding sheets. The input bytes are not modified.
 *
 * @example
 * const w = await openPackage(bytes);
 * w.addSheet("结果", sheetXml);
 * const out = await w.bytes(); // the input's parts unchanged, plus the sheet
 */
export async function openPackage(
  data: Uint8Array | ArrayBuffer,
  codec: ZipCodec = DEFAULT_CODEC,
): Promise<PackageWriter | undefined> {
  const input = data instanceof Uint8Array ? data : new Uint8Array(data);
  const entries = zipEntries(input);
  const zip = await JSZip.loadAsync(input);
  const parts = new Map<string, Uint8Array>();
  const wb = await workbookParts(zip);
  if (!wb) return undefined;
  const base = folderOf(wb.workbookPath);
  const relsPath = relsPathOf(wb.workbookPath);
  let relsXml =
    (await text(zip, relsPath)) ??
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
  let typesXml = (await text(zip, "[Content_Types].xml")) ?? "";
  let workbookXml = wb.workbookXml;
  const stylesRel = wb.rels.find((r) => r.type.endsWith("/styles"));
  let stylesPath: string;
  let stylesXml: string;
  const relIds = new Set(wb.rels.map((r) => r.id));
  const newRelId = (): string => {
    let i = relIds.size + 1;
    while (relIds.has(`rId${i}`)) i++;
    relIds.add(`rId${i}`);
    return `rId${i}`;
  };
  const addRel = (type: string, target: string): string => {
    const id = newRelId();
    relsXml = insertBefore(
      relsXml,
      "</Relationships>",
      `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"/>`,
    );
    return id;
  };
  const addOverride = (part: string, type: string): void => {
    typesXml = insertBefore(typesXml, "</Types>", `<Override PartName="/${escapeXml(part)}" ContentType="${type}"/>`);
  };
  if (stylesRel) {
    stylesPath = resolveTarget(base, stylesRel.target);
    stylesXml = (await text(zip, stylesPath)) ?? MINIMAL_STYLES;
  } else {
    stylesPath = `${base}styles.xml`;
    stylesXml = MINIMAL_STYLES;
    addRel(REL_STYLES, "styles.xml");
    addOverride(stylesPath, CT_STYLES);
  }
  const styles = new StyleBook(stylesXml);
  const p = prefixOf(workbookXml, "workbook");
  // The prefix bound to the relationships namespace in workbook.xml (declared on the root if missing).
  let rp = /xmlns:([\w.-]+)="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.exec(
    workbookXml,
  )?.[1];
  if (!rp) {
    rp = "r";
    workbookXml = workbookXml.replace(new RegExp(`<${p}workbook\\b`), `$& xmlns:r="${REL_NS}"`);
  }
  let nextSheetId = Math.max(0, ...wb.sheets.map((s) => s.sheetId)) + 1;
  let sheetIndex = wb.sheets.length;
  const sheetNames = wb.sheets.map((s) => s.name);
  const definedNames: string[] = [];
  let partNo = 1;

  return {
    sheetNames,
    styles,
    addSheet(name, xml, filterRef) {
      while (zip.file(`${base}worksheets/sheet${partNo}.xml`) || parts.has(`${base}worksheets/sheet${partNo}.xml`)) {
        partNo++;
      }
      const part = `${base}worksheets/sheet${partNo}.xml`;
      parts.set(part, typeof xml === "string" ? new TextEncoder().encode(xml) : xml);
      const rid = addRel(REL_WORKSHEET, `worksheets/sheet${partNo}.xml`);
      addOverride(part, CT_WORKSHEET);
      workbookXml = insertBefore(
        workbookXml,
        `</${p}sheets>`,
        `<${p}sheet name="${escapeXml(name)}" sheetId="${nextSheetId++}" ${rp}:id="${rid}"/>`,
      );
      if (filterRef) {
        const quoted = `'${name.replace(/'/g, "''")}'`;
        const abs = filterRef.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
        definedNames.push(
          `<${p}definedName name="_xlnm._FilterDatabase" localSheetId="${sheetIndex}" hidden="1">${escapeXml(`${quoted}!${abs}`)}</${p}definedName>`,
        );
      }
      sheetIndex++;
      sheetNames.push(name);
    },
    async bytes() {
      if (definedNames.length > 0) {
        const close = `</${p}definedNames>`;
        if (workbookXml.includes(close)) workbookXml = insertBefore(workbookXml, close, definedNames.join(""));
        else {
          const block = `<${p}definedNames>${definedNames.join("")}</${p}definedNames>`;
          const anchor = [`</${p}externalReferences>`, `</${p}functionGroups>`, `</${p}sheets>`].find((a) =>
            workbookXml.includes(a),
          )!;
          const i = workbookXml.indexOf(anchor) + anchor.length;
          workbookXml = workbookXml.slice(0, i) + block + workbookXml.slice(i);
        }
      }
      const enc = new TextEncoder();
      const edited = new Map<string, Uint8Array>([
        [wb.workbookPath, enc.encode(workbookXml)],
        [relsPath, enc.encode(relsXml)],
        ["[Content_Types].xml", enc.encode(typesXml)],
        [stylesPath, enc.encode(styles.xml())],
      ]);
      // The input's entries in their order (edited ones re-compressed, the rest copied as stored), then the new.
      const out: ZipEntry[] = [];
      for (const e of entries) {
        const changed = edited.get(e.name);
        out.push(changed ? await newEntry(e.name, changed, codec) : e);
        edited.delete(e.name);
      }
      for (const [name, bytes] of [...edited, ...parts]) out.push(await newEntry(name, bytes, codec));
      return writeZip(out);
    },
  };
}

function insertBefore(xml: string, marker: string, insert: string): string {
  const i = xml.lastIndexOf(marker);
  if (i < 0) throw new Error(`package part lacks ${marker}`);
  return xml.slice(0, i) + insert + xml.slice(i);
}
