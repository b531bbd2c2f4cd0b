/**
 * Empty input tables for "Insert empty templates": every table of schema.ts with its headers in the
 * user's language, and drop-down lists (data validation) where the column takes a closed set of
 * values: yes/no, function categories, transfer choices, education levels, post categories, ratings.
 */
import { EDUCATION_LEVELS } from "../engine/parse";
import { TABLES, type ColumnDef, type TableDef, type TableId } from "../engine/schema";
import type { CellValue, Lang } from "../engine/types";
import type { ColumnValidation, InsertTable } from "../host/types";

/** An empty input table: its header row and drop-down lists, ready for `WorkbookHost.insertTables`. */
export interface TemplateTable extends InsertTable {
  id: TableId;
  /** The header row only (templates hold no data). */
  rows: CellValue[][];
  validation: ColumnValidation[];
}

/** Post categories of DOMAIN §2 (any label is accepted; these are offered). */
export const POST_CATEGORIES: Readonly<Record<Lang, string[]>> = {
  zh: ["管理", "专业技术", "工勤"],
  en: ["Management", "Professional", "Support"],
};

/** Rating levels offered, best first (the Ratings table may define others). */
export const RATING_LEVELS: Readonly<Record<Lang, string[]>> = {
  zh: ["优秀", "良好", "合格", "基本合格", "不合格"],
  en: ["Excellent", "Good", "Competent", "Basically competent", "Incompetent"],
};

const YES_NO: Readonly<Record<Lang, string[]>> = { zh: ["是", "否"], en: ["Yes", "No"] };

/** Words for the choices of closed text columns, per language; each must be accepted by schema.ts. */
const CHOICE_WORDS: Readonly<Record<string, Readonly<Record<Lang, string>>>> = {
  economic: { zh: "经济发展", en: "Economic" },
  social: { zh: "社会事务", en: "Social" },
  compete: { zh: "竞聘", en: "Compete" },
  transfer: { zh: "随职能划转", en: "Transfer" },
};

/** The drop-down list of a column, or undefined when the column is free. */
export function columnList(table: TableDef, col: ColumnDef, lang: Lang): string[] | undefined {
  if (col.type === "yesno") return [...YES_NO[lang]];
  if (col.type === "education") return EDUCATION_LEVELS.map((e) => e[lang]);
  if (col.choices) return Object.keys(col.choices).map((k) => CHOICE_WORDS[k]?.[lang] ?? col.choices![k]![0] ?? k);
  if (col.key === "category" && (table.id === "staff" || table.id === "posts" || table.id === "weights"))
    return [...POST_CATEGORIES[lang]];
  if (col.key === "rating" && (table.id === "staff" || table.id === "ratings")) return [...RATING_LEVELS[lang]];
  return undefined;
}

/** Score components a Weights template gets one column each for (the Staff score columns). */
const WEIGHT_COMPONENTS = ["written", "interview", "peerReview", "appraisal"];

/** Number of numbered choice columns (志愿1…N) a Staff template gets. */
export const TEMPLATE_CHOICES = 5;

/**
 * The empty templates of every input table, in a language.
 *
 * @example buildTemplates("en").find((t) => t.id === "posts")?.rows[0][0] // => "Post ID"
 */
export function buildTemplates(lang: Lang): TemplateTable[] {
  return (Object.values(TABLES) as TableDef[]).map((def) => {
    const header: string[] = [];
    const validation: ColumnValidation[] = [];
    for (const col of def.columns) {
      const list = columnList(def, col, lang);
      if (list) validation.push({ column: header.length, list });
      header.push(col[lang]);
    }
    if (def.id === "weights")
      for (const key of WEIGHT_COMPONENTS) header.push(TABLES.staff.columns.find((c) => c.key === key)![lang]);
    for (const p of def.patterns ?? []) {
      if (p.key !== "choices") continue;
      for (let n = 1; n <= TEMPLATE_CHOICES; n++) header.push(lang === "zh" ? `${p.zh}${n}` : `${p.en} ${n}`);
    }
    return { id: def.id, name: def[lang], rows: [header], validation };
  });
}
