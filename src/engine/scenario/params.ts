/**
 * Scenario parameters: the names users write in the Scenarios table (Chinese or English), their
 * types and accepted values, and the reading of a Scenarios table into parameter sets where the first
 * row is the baseline and a blank cell inherits it.
 */
import { cellText, normalizeHeader, parseDate, parseNumber, parseYesNo } from "../parse";
import type { TableRead } from "../tableReader";
import type { CellValue, Problem } from "../types";

export type ParamValue = string | number | boolean;

export interface ParamDef {
  /** Canonical key, e.g. "mechanism", or a family key with a suffix, e.g. "weight:面试". */
  key: string;
  zh: string;
  en: string;
  aliases?: string[];
  type: "enum" | "number" | "yesno" | "date";
  /** For enums: canonical value → accepted spellings. */
  values?: Record<string, string[]>;
  min?: number;
  max?: number;
}

export const PARAMS: ReadonlyArray<ParamDef> = [
  {
    key: "mechanism",
    zh: "志愿模式",
    en: "Mechanism",
    aliases: ["录取模式", "志愿"],
    type: "enum",
    values: { parallel: ["平行", "平行志愿"], sequential: ["顺序", "顺序志愿", "boston"] },
  },
  { key: "adjustment", zh: "调剂", en: "Adjustment", aliases: ["服从调剂", "是否调剂"], type: "yesno" },
  {
    key: "normalization",
    zh: "标准化",
    en: "Normalization",
    aliases: ["标准化方式", "normalisation"],
    type: "enum",
    values: {
      raw: ["原始分", "原始", "不标准化"],
      zscore: ["标准分", "z分数", "z"],
      minmax: ["极差", "百分制", "min-max"],
    },
  },
  { key: "decimals", zh: "小数位", en: "Decimals", aliases: ["保留小数"], type: "number", min: 0, max: 6 },
  { key: "bottomRatio", zh: "末位比例", en: "Bottom Ratio", aliases: ["末位淘汰比例"], type: "number", min: 0, max: 1 },
  {
    key: "bottomRounding",
    zh: "末位取整",
    en: "Bottom Rounding",
    type: "enum",
    values: { floor: ["向下", "去尾"], round: ["四舍五入"], ceiling: ["向上", "进一", "ceil"] },
  },
  { key: "bottomMinimum", zh: "末位最少人数", en: "Bottom Minimum", type: "number", min: 0 },
  {
    key: "conversionRule",
    zh: "套改规则",
    en: "Conversion Rule",
    aliases: ["套改方式"],
    type: "enum",
    values: {
      notBelow: ["就近就高", "not below", "notbelow"],
      notAbove: ["就近就低", "not above", "notabove"],
      nearest: ["就近"],
      entry: ["起点", "起薪", "一档"],
      seniority: ["工龄", "按工龄"],
    },
  },
  { key: "seniorityInterval", zh: "工龄间隔", en: "Seniority Interval", type: "number", min: 1 },
  {
    key: "protection",
    zh: "保护方式",
    en: "Protection",
    aliases: ["保留方式", "保护"],
    type: "enum",
    values: {
      none: ["不保护", "无"],
      keep: ["保留", "保留工资"],
      phase: ["逐年过渡", "分年过渡", "过渡"],
      absorb: ["冲销", "吸收"],
    },
  },
  { key: "phaseYears", zh: "过渡年数", en: "Phase Years", type: "number", min: 1 },
  {
    key: "scaleMultiplier",
    zh: "薪酬系数",
    en: "Scale Multiplier",
    aliases: ["标准调整系数", "薪酬标准系数"],
    type: "number",
    min: 0,
  },
  { key: "poolAmount", zh: "绩效总额", en: "Pool Amount", aliases: ["绩效工资总额"], type: "number", min: 0 },
  { key: "poolPerCapita", zh: "人均绩效", en: "Per Capita", aliases: ["人均绩效额"], type: "number", min: 0 },
  { key: "poolPercent", zh: "绩效比例", en: "Pool Percent", aliases: ["绩效占比"], type: "number", min: 0, max: 10 },
  { key: "basicShare", zh: "基础比例", en: "Basic Share", aliases: ["基础性绩效比例"], type: "number", min: 0, max: 1 },
  { key: "individualCap", zh: "个人上限倍数", en: "Individual Cap", aliases: ["封顶倍数"], type: "number", min: 1 },
  { key: "wholeYuan", zh: "取整到元", en: "Whole Yuan", type: "yesno" },
  { key: "poolCapacity", zh: "周转池容量", en: "Pool Capacity", aliases: ["周转编制容量"], type: "number", min: 0 },
  { key: "staffCeiling", zh: "员额控制数", en: "Staff Ceiling", type: "number", min: 0 },
  { key: "asOf", zh: "基准日期", en: "As Of", aliases: ["截止日期"], type: "date" },
];

/** Families of parameters whose name carries a component or rating: "面试权重" / "Interview Weight", "优秀比例上限". */
const FAMILIES: ReadonlyArray<{ prefix: string; type: "number"; patterns: RegExp[]; min: number; max: number }> = [
  {
    prefix: "weight",
    type: "number",
    patterns: [/^(.+)权重$/, /^权重[:：](.+)$/, /^(.+)weight$/, /^weight[:：](.+)$/],
    min: 0,
    max: 1,
  },
  { prefix: "ratingCap", type: "number", patterns: [/^(.+)比例上限$/, /^(.+)maxshare$/], min: 0, max: 1 },
];

const BY_NAME = new Map<string, ParamDef>();
for (const p of PARAMS) for (const n of [p.key, p.zh, p.en, ...(p.aliases ?? [])]) BY_NAME.set(normalizeHeader(n), p);

/**
 * The parameter a Scenarios column header names, or undefined.
 *
 * @example matchParam("志愿模式")?.key // => "mechanism"
 * @example matchParam("面试权重")?.key // => "weight:面试"
 */
export function matchParam(header: string): ParamDef | undefined {
  const h = normalizeHeader(header);
  const direct = BY_NAME.get(h);
  if (direct) return direct;
  for (const f of FAMILIES) {
    for (const re of f.patterns) {
      const m = re.exec(h);
      if (m && m[1])
        return { key: `${f.prefix}:${m[1]}`, zh: header, en: header, type: f.type, min: f.min, max: f.max };
    }
  }
  return undefined;
}

/**
 * Reads one parameter value; `undefined` for blank, `null` for unreadable.
 *
 * @example parseParam(matchParam("志愿模式")!, "顺序") // => "sequential"
 */
export function parseParam(def: ParamDef, raw: CellValue): ParamValue | null | undefined {
  if (raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "")) return undefined;
  switch (def.type) {
    case "yesno": {
      const b = parseYesNo(raw);
      return b === undefined ? undefined : b;
    }
    case "number": {
      const n = parseNumber(raw);
      if (n === null || n === undefined) return n;
      if ((def.min !== undefined && n < def.min) || (def.max !== undefined && n > def.max)) return null;
      return n;
    }
    case "date": {
      const d = parseDate(raw);
      return d === undefined ? undefined : d;
    }
    case "enum": {
      const s = normalizeHeader(cellText(raw));
      for (const [canon, spellings] of Object.entries(def.values ?? {})) {
        if (normalizeHeader(canon) === s || spellings.some((x) => normalizeHeader(x) === s)) return canon;
      }
      return null;
    }
  }
}

export type ParamSet = Readonly<Record<string, ParamValue>>;

export interface ScenarioDef {
  name: string;
  /** 1-based table row. */
  row: number;
  /** Full parameter set: the baseline's values with this row's non-blank cells over them. */
  params: ParamSet;
  /** Only the parameters this row sets itself (for "changed against baseline"). */
  own: ParamSet;
}

export interface ScenariosRead {
  scenarios: ScenarioDef[];
  problems: Problem[];
}

/**
 * Reads the Scenarios table: the first row is the baseline; a blank cell inherits the baseline's value.
 * Unknown parameter names and bad values are reported with their cell (the value is then inherited).
 *
 * @example readScenarios(read).scenarios[1].params.mechanism // => "sequential"
 */
export function readScenarios(read: TableRead): ScenariosRead {
  const problems: Problem[] = [...read.problems];
  const cols: { header: string; index: number; def: ParamDef }[] = [];
  for (const ec of read.extraColumns) {
    const def = matchParam(ec.header);
    if (!def) {
      problems.push({
        severity: "warning",
        table: read.def.id,
        tableName: read.tableName,
        tableRow: read.records[0] ? read.records[0].row - 1 : 1,
        columnIndex: ec.index,
        column: ec.header,
        value: ec.header,
        key: "scenario.unknownParam",
      });
      continue;
    }
    cols.push({ header: ec.header, index: ec.index, def });
  }
  const scenarios: ScenarioDef[] = [];
  let baseline: Record<string, ParamValue> = {};
  read.records.forEach((rec, i) => {
    const own: Record<string, ParamValue> = {};
    for (const c of cols) {
      const raw = rec.extra[c.header];
      const v = parseParam(c.def, raw);
      if (v === null) {
        problems.push({
          severity: "error",
          table: read.def.id,
          tableName: read.tableName,
          tableRow: rec.row,
          columnIndex: c.index,
          column: c.header,
          value: raw,
          key: "scenario.badValue",
          params: { allowed: describeAllowed(c.def) },
        });
        continue;
      }
      if (v !== undefined) own[c.def.key] = v;
    }
    const name = typeof rec.values.scenario === "string" ? rec.values.scenario : `#${rec.row}`;
    if (i === 0) baseline = own;
    scenarios.push({ name, row: rec.row, params: { ...baseline, ...own }, own });
  });
  return { scenarios, problems };
}

function describeAllowed(def: ParamDef): string {
  if (def.type === "enum")
    return Object.entries(def.values ?? {})
      .map(([k, v]) => `${v[0] ?? k} (${k})`)
      .join(", ");
  if (def.type === "yesno") return "是/否, yes/no";
  if (def.type === "date") return "YYYY-MM-DD";
  const lo = def.min ?? "-∞";
  const hi = def.max ?? "∞";
  return `${lo} … ${hi}`;
}
