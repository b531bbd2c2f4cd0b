/**
 * The tables of DOMAIN §2: their names and columns in Chinese and English, with types.
 * This is the single source of header aliases for the task pane, the custom functions and the runner.
 */

export type ColumnType = "text" | "number" | "integer" | "yesno" | "education" | "date";

export interface ColumnDef {
  /** Canonical key used by the engine (camelCase English). */
  key: string;
  /** Suggested Chinese header (used in templates and messages). */
  zh: string;
  /** Suggested English header. */
  en: string;
  /** Further accepted headers (matched after normalisation). */
  aliases?: string[];
  type: ColumnType;
  /** Required for the table to be read at all (identity columns). Models check their own needs. */
  required?: boolean;
  /** Values must be unique (ids). */
  unique?: boolean;
  min?: number;
  max?: number;
  /** For text columns with a closed list: canonical value → accepted spellings. */
  choices?: Record<string, string[]>;
}

/** A family of numbered columns such as 志愿1…志愿N / Choice 1…N. */
export interface PatternDef {
  key: string;
  zh: string;
  en: string;
  /** Tested on the normalised header; the first group that matched is the 1-based index. */
  pattern: RegExp;
  type: ColumnType;
  min?: number;
}

export interface TableDef {
  id: TableId;
  zh: string;
  en: string;
  /** Accepted table or sheet names besides zh/en. */
  aliases: string[];
  columns: ColumnDef[];
  patterns?: PatternDef[];
}

export type TableId =
  "staff" | "posts" | "weights" | "payScale" | "ratings" | "units" | "poolLedger" | "scenarios" | "functions";

const SCORE = { type: "number" as const, min: 0 };

export const STAFF: TableDef = {
  id: "staff",
  zh: "人员",
  en: "Staff",
  aliases: ["人员表", "人员名单", "职工", "employees", "people"],
  columns: [
    {
      key: "id",
      zh: "工号",
      en: "Staff ID",
      aliases: ["编号", "人员编号", "id", "staffno", "employeeid"],
      type: "text",
      required: true,
      unique: true,
    },
    { key: "name", zh: "姓名", en: "Name", type: "text" },
    { key: "unit", zh: "原单位", en: "Unit", aliases: ["单位", "部门", "原部门", "department"], type: "text" },
    { key: "identity", zh: "身份", en: "Identity", aliases: ["人员身份", "编制身份"], type: "text" },
    {
      key: "function",
      zh: "原职能",
      en: "Function",
      aliases: ["职能", "职能类别"],
      type: "text",
      choices: {
        economic: ["经济发展", "经济发展类", "economic", "economicdevelopment"],
        social: ["社会事务", "社会事务类", "social", "socialaffairs"],
      },
    },
    { key: "education", zh: "学历", en: "Education", type: "education" },
    { key: "age", zh: "年龄", en: "Age", type: "number", min: 0, max: 120 },
    {
      key: "years",
      zh: "工龄",
      en: "Years of Service",
      aliases: ["years", "service", "serviceyears"],
      type: "number",
      min: 0,
      max: 80,
    },
    {
      key: "currentPay",
      zh: "现月薪",
      en: "Current Pay",
      aliases: ["月薪", "现工资", "currentmonthlypay"],
      type: "number",
      min: 0,
    },
    { key: "written", zh: "笔试", en: "Written", aliases: ["笔试成绩", "writtentest"], ...SCORE },
    { key: "interview", zh: "面试", en: "Interview", aliases: ["面试成绩"], ...SCORE },
    { key: "peerReview", zh: "民主测评", en: "Peer Review", aliases: ["测评"], ...SCORE },
    { key: "appraisal", zh: "年度考核", en: "Appraisal", aliases: ["考核得分", "annualappraisal"], ...SCORE },
    { key: "composite", zh: "综合成绩", en: "Composite", aliases: ["总成绩", "compositescore"], ...SCORE },
    {
      key: "acceptAdjustment",
      zh: "服从调剂",
      en: "Accept Adjustment",
      aliases: ["调剂", "adjustment"],
      type: "yesno",
    },
    {
      key: "transferChoice",
      zh: "分流意愿",
      en: "Transfer Choice",
      aliases: ["分流"],
      type: "text",
      choices: {
        compete: ["竞聘", "compete", "rebid"],
        transfer: ["随职能划转", "划转", "transfer", "transferwithfunction"],
      },
    },
    { key: "rating", zh: "考核等次", en: "Rating", aliases: ["等次"], type: "text" },
    { key: "performanceScore", zh: "绩效得分", en: "Performance Score", aliases: ["绩效分", "绩效"], type: "number" },
    { key: "category", zh: "岗位类别", en: "Category", aliases: ["类别"], type: "text" },
    { key: "postId", zh: "岗位编号", en: "Post ID", aliases: ["新岗位", "聘用岗位", "newpost", "post"], type: "text" },
    { key: "grade", zh: "岗级", en: "Grade", type: "text" },
    { key: "postCoefficient", zh: "岗位系数", en: "Post Coefficient", aliases: ["系数"], type: "number", min: 0 },
  ],
  patterns: [
    {
      key: "choices",
      zh: "志愿",
      en: "Choice",
      pattern: /^(?:志愿(\d+)|第(\d+)志愿|choice(\d+)|preference(\d+))$/,
      type: "text",
    },
  ],
};

export const POSTS: TableDef = {
  id: "posts",
  zh: "岗位",
  en: "Posts",
  aliases: ["岗位表", "岗位设置", "positions", "post"],
  columns: [
    {
      key: "id",
      zh: "岗位编号",
      en: "Post ID",
      aliases: ["编号", "id", "postno", "positionid"],
      type: "text",
      required: true,
      unique: true,
    },
    { key: "title", zh: "岗位名称", en: "Title", aliases: ["名称", "岗位", "posttitle"], type: "text" },
    { key: "unit", zh: "所属部门", en: "Unit", aliases: ["部门", "单位", "department"], type: "text" },
    { key: "category", zh: "岗位类别", en: "Category", aliases: ["类别"], type: "text" },
    { key: "grade", zh: "岗级", en: "Grade", aliases: ["岗位等级"], type: "text" },
    {
      key: "quota",
      zh: "职数",
      en: "Quota",
      aliases: ["岗位数", "名额", "seats"],
      type: "integer",
      min: 0,
      required: true,
    },
    { key: "minScore", zh: "最低分数", en: "Minimum Score", aliases: ["最低分", "minscore"], type: "number", min: 0 },
    {
      key: "minEducation",
      zh: "最低学历",
      en: "Minimum Education",
      aliases: ["学历要求", "mineducation"],
      type: "education",
    },
    { key: "maxAge", zh: "最高年龄", en: "Maximum Age", aliases: ["年龄上限", "maxage"], type: "number", min: 0 },
    { key: "minYears", zh: "最低工龄", en: "Minimum Years", aliases: ["工龄要求", "minyears"], type: "number", min: 0 },
    { key: "leader", zh: "领导职务", en: "Leader", aliases: ["领导岗位"], type: "yesno" },
    {
      key: "postCoefficient",
      zh: "岗位系数",
      en: "Post Coefficient",
      aliases: ["系数", "coefficient"],
      type: "number",
      min: 0,
    },
  ],
};

export const WEIGHTS: TableDef = {
  id: "weights",
  zh: "权重",
  en: "Weights",
  aliases: ["权重表", "成绩权重", "weight"],
  columns: [
    { key: "category", zh: "岗位类别", en: "Category", aliases: ["类别"], type: "text", required: true, unique: true },
  ],
};

export const PAY_SCALE: TableDef = {
  id: "payScale",
  zh: "薪酬标准",
  en: "PayScale",
  aliases: ["薪酬表", "工资标准", "payscale", "paytable", "salaryscale"],
  columns: [
    { key: "grade", zh: "岗级", en: "Grade", aliases: ["岗位等级"], type: "text", required: true, unique: true },
    { key: "min", zh: "下限", en: "Min", aliases: ["最低", "minimum"], type: "number", min: 0 },
    { key: "mid", zh: "中点", en: "Mid", aliases: ["中位", "中位值", "midpoint"], type: "number", min: 0 },
    { key: "max", zh: "上限", en: "Max", aliases: ["最高", "maximum"], type: "number", min: 0 },
  ],
  patterns: [{ key: "steps", zh: "档", en: "Step", pattern: /^(?:档|档次|step)(\d+)$/, type: "number", min: 0 }],
};

export const RATINGS: TableDef = {
  id: "ratings",
  zh: "考核等次",
  en: "Ratings",
  aliases: ["等次", "等次表", "rating"],
  columns: [
    {
      key: "rating",
      zh: "等次",
      en: "Rating",
      aliases: ["考核等次", "grade"],
      type: "text",
      required: true,
      unique: true,
    },
    {
      key: "coefficient",
      zh: "系数",
      en: "Coefficient",
      aliases: ["等次系数"],
      type: "number",
      min: 0,
      required: true,
    },
    {
      key: "maxShare",
      zh: "比例上限",
      en: "Max Share",
      aliases: ["上限比例", "maxshare"],
      type: "number",
      min: 0,
      max: 1,
    },
    {
      key: "minShare",
      zh: "比例下限",
      en: "Min Share",
      aliases: ["下限比例", "minshare"],
      type: "number",
      min: 0,
      max: 1,
    },
  ],
};

export const UNITS: TableDef = {
  id: "units",
  zh: "机构",
  en: "Units",
  aliases: ["机构表", "单位", "单位表", "organisations", "organizations", "bodies"],
  columns: [
    {
      key: "unit",
      zh: "单位",
      en: "Unit",
      aliases: ["机构", "机构名称", "单位名称", "name"],
      type: "text",
      required: true,
      unique: true,
    },
    { key: "type", zh: "类型", en: "Type", aliases: ["机构类型"], type: "text" },
    { key: "level", zh: "规格", en: "Level", aliases: ["机构规格"], type: "text" },
    { key: "function", zh: "职能", en: "Function", aliases: ["职能类别"], type: "text" },
    { key: "kind", zh: "编制类型", en: "Kind", aliases: ["编制性质"], type: "text" },
    { key: "authorized", zh: "核定编制", en: "Authorized", aliases: ["编制数"], type: "integer", min: 0 },
    { key: "actual", zh: "实有人数", en: "Actual", aliases: ["实有"], type: "integer", min: 0 },
    { key: "leaderQuota", zh: "领导职数", en: "Leader Quota", type: "integer", min: 0 },
    { key: "actualLeaders", zh: "实配领导", en: "Actual Leaders", aliases: ["实配领导职数"], type: "integer", min: 0 },
    { key: "afterReform", zh: "改革后", en: "After Reform", aliases: ["改革后去向", "去向"], type: "text" },
    {
      key: "assessmentCoefficient",
      zh: "考核系数",
      en: "Assessment Coefficient",
      aliases: ["单位考核系数", "unitcoefficient"],
      type: "number",
      min: 0,
    },
    { key: "ranking", zh: "考核排名", en: "Ranking", aliases: ["排名", "rank"], type: "integer", min: 1 },
  ],
};

export const POOL_LEDGER: TableDef = {
  id: "poolLedger",
  zh: "周转编制台账",
  en: "PoolLedger",
  aliases: ["周转编制", "周转池", "poolledger", "ledger", "pool ledger"],
  columns: [
    { key: "unit", zh: "单位", en: "Unit", type: "text", required: true },
    { key: "kind", zh: "编制类型", en: "Kind", type: "text" },
    { key: "slots", zh: "数量", en: "Slots", aliases: ["编制数"], type: "integer", min: 0, required: true },
    { key: "borrowed", zh: "借用日期", en: "Borrowed", aliases: ["借用"], type: "date", required: true },
    { key: "due", zh: "归还期限", en: "Due", aliases: ["期限"], type: "date" },
    { key: "returned", zh: "归还日期", en: "Returned", aliases: ["归还"], type: "date" },
    { key: "purpose", zh: "用途", en: "Purpose", type: "text" },
  ],
};

export const SCENARIOS: TableDef = {
  id: "scenarios",
  zh: "方案",
  en: "Scenarios",
  aliases: ["方案表", "情景", "scenario"],
  columns: [
    {
      key: "scenario",
      zh: "方案",
      en: "Scenario",
      aliases: ["方案名称", "name"],
      type: "text",
      required: true,
      unique: true,
    },
  ],
};

export const FUNCTIONS_LIST: TableDef = {
  id: "functions",
  zh: "职能清单",
  en: "Functions",
  aliases: ["职能", "functionlist"],
  columns: [
    { key: "item", zh: "职能事项", en: "Item", aliases: ["事项"], type: "text", required: true },
    { key: "owner", zh: "承担单位", en: "Owner", aliases: ["承担主体", "单位"], type: "text" },
    { key: "category", zh: "职能类别", en: "Category", aliases: ["类别"], type: "text" },
    { key: "afterReform", zh: "改革后", en: "After Reform", aliases: ["去向"], type: "text" },
  ],
};

export const TABLES: Readonly<Record<TableId, TableDef>> = {
  staff: STAFF,
  posts: POSTS,
  weights: WEIGHTS,
  payScale: PAY_SCALE,
  ratings: RATINGS,
  units: UNITS,
  poolLedger: POOL_LEDGER,
  scenarios: SCENARIOS,
  functions: FUNCTIONS_LIST,
};

/** The header of a column in a language (for templates, result sheets and messages). */
export function columnHeader(def: TableDef, key: string, lang: "zh" | "en"): string {
  const c = def.columns.find((x) => x.key === key);
  return c ? c[lang] : key;
}
