/**
 * The sample workbook of a fictional zone, 示范经济开发区: staff, posts, weights, a pay scale, ratings,
 * units with an after-reform mapping, a pool ledger and three scenarios.
 *
 * Deterministic: a seeded PRNG (mulberry32) defined here, never Math.random, no clock. The same options
 * give the same workbook, cell for cell. It scales (`staff: 100000`) for benchmarks.
 *
 * Cell words (是/否, 行政编制, 平行, 就近就高…) are the same in both languages; only table names and
 * headers follow `lang`, so a zh and an en sample hold the same data.
 */
import { columnHeader, TABLES, type TableId } from "../engine/schema";
import type { CellValue, Lang } from "../engine/types";
import type { TableSource } from "../engine/workbook";

export interface SampleOptions {
  lang?: Lang;
  /** Number of staff rows (default 300). */
  staff?: number;
  /** Number of posts (default: 40 for 300 staff, scaled with staff). */
  posts?: number;
  /** PRNG seed (default 20240601). */
  seed?: number;
}

export interface SampleTable {
  id: TableId;
  /** Table (and sheet) name in the chosen language. */
  name: string;
  /** First row headers, then data. */
  rows: CellValue[][];
}

export interface SampleWorkbook {
  tables: SampleTable[];
}

/** The zone's name. */
export const SAMPLE_ZONE = "示范经济开发区";

/** mulberry32: a small, fast, seeded 32-bit PRNG. Returns a function giving floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(items: ReadonlyArray<T>): T {
    return items[Math.floor(this.next() * items.length)];
  }
  /** Picks by weight. */
  weighted<T>(items: ReadonlyArray<readonly [T, number]>): T {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let x = this.next() * total;
    for (const [v, w] of items) {
      x -= w;
      if (x < 0) return v;
    }
    return items[items.length - 1][0];
  }
  /** Approximately normal (sum of uniforms). */
  normal(mean: number, sd: number): number {
    let s = 0;
    for (let i = 0; i < 6; i++) s += this.next();
    return mean + (s - 3) * sd * Math.SQRT2;
  }
  /** A sampler by weight over many items: cumulative sums and binary search. */
  sampler<T>(items: ReadonlyArray<readonly [T, number]>): () => T {
    const cum: number[] = [];
    let total = 0;
    for (const [, w] of items) cum.push((total += w));
    return () => {
      const x = this.next() * total;
      let lo = 0;
      let hi = cum.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cum[mid] > x) hi = mid;
        else lo = mid + 1;
      }
      return items[lo][0];
    };
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

const round1 = (x: number): number => Math.round(x * 10) / 10;
const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));
const utcDate = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));

// ---------------------------------------------------------------- fixed reference data

interface UnitSpec {
  unit: string;
  type: string;
  level: string;
  function: "经济发展" | "社会事务";
  kind: "行政" | "事业" | "员额";
  /** Share of staff. */
  share: number;
  leaderQuota: number;
  actualLeaders: number;
  afterReform: string;
}

/** The 8 departments after the reform; posts belong to them. */
export const SAMPLE_DEPARTMENTS = [
  "党政办公室",
  "经济发展局",
  "投资促进局",
  "规划建设局",
  "财政金融局",
  "科技创新局",
  "企业服务局",
  "综合执法局",
] as const;

/** The bodies before the reform (staff's 原单位), with their fate. */
const UNITS: ReadonlyArray<UnitSpec> = [
  {
    unit: "党政办公室",
    type: "管理机构",
    level: "正处级",
    function: "经济发展",
    kind: "行政",
    share: 0.09,
    leaderQuota: 3,
    actualLeaders: 3,
    afterReform: "党政办公室",
  },
  {
    unit: "组织人事部",
    type: "管理机构",
    level: "副处级",
    function: "经济发展",
    kind: "行政",
    share: 0.05,
    leaderQuota: 2,
    actualLeaders: 3,
    afterReform: "党政办公室",
  },
  {
    unit: "经济发展局",
    type: "管理机构",
    level: "正处级",
    function: "经济发展",
    kind: "行政",
    share: 0.1,
    leaderQuota: 3,
    actualLeaders: 3,
    afterReform: "经济发展局",
  },
  {
    unit: "统计局",
    type: "内设机构",
    level: "正科级",
    function: "经济发展",
    kind: "行政",
    share: 0.04,
    leaderQuota: 1,
    actualLeaders: 2,
    afterReform: "经济发展局",
  },
  {
    unit: "投资促进局",
    type: "管理机构",
    level: "正处级",
    function: "经济发展",
    kind: "员额",
    share: 0.09,
    leaderQuota: 3,
    actualLeaders: 2,
    afterReform: "投资促进局",
  },
  {
    unit: "招商服务中心",
    type: "事业单位",
    level: "正科级",
    function: "经济发展",
    kind: "事业",
    share: 0.06,
    leaderQuota: 2,
    actualLeaders: 2,
    afterReform: "投资促进局",
  },
  {
    unit: "规划建设局",
    type: "管理机构",
    level: "正处级",
    function: "经济发展",
    kind: "行政",
    share: 0.1,
    leaderQuota: 3,
    actualLeaders: 4,
    afterReform: "规划建设局",
  },
  {
    unit: "档案中心",
    type: "事业单位",
    level: "正科级",
    function: "经济发展",
    kind: "事业",
    share: 0.02,
    leaderQuota: 1,
    actualLeaders: 1,
    afterReform: "撤销",
  },
  {
    unit: "财政局",
    type: "管理机构",
    level: "正处级",
    function: "经济发展",
    kind: "行政",
    share: 0.08,
    leaderQuota: 2,
    actualLeaders: 2,
    afterReform: "财政金融局",
  },
  {
    unit: "科技创新局",
    type: "管理机构",
    level: "副处级",
    function: "经济发展",
    kind: "员额",
    share: 0.08,
    leaderQuota: 2,
    actualLeaders: 2,
    afterReform: "科技创新局",
  },
  {
    unit: "企业服务中心",
    type: "事业单位",
    level: "正科级",
    function: "经济发展",
    kind: "事业",
    share: 0.07,
    leaderQuota: 2,
    actualLeaders: 2,
    afterReform: "企业服务局",
  },
  {
    unit: "综合执法大队",
    type: "派驻机构",
    level: "正科级",
    function: "经济发展",
    kind: "事业",
    share: 0.12,
    leaderQuota: 2,
    actualLeaders: 3,
    afterReform: "综合执法局",
  },
  {
    unit: "社会事务局",
    type: "管理机构",
    level: "副处级",
    function: "社会事务",
    kind: "行政",
    share: 0.06,
    leaderQuota: 2,
    actualLeaders: 2,
    afterReform: "划转属地",
  },
  {
    unit: "教育卫生办",
    type: "内设机构",
    level: "正科级",
    function: "社会事务",
    kind: "事业",
    share: 0.04,
    leaderQuota: 1,
    actualLeaders: 1,
    afterReform: "划转属地",
  },
];

type Category = "管理" | "专业技术" | "工勤";

/** Pay grades: steps (base, increment) or a band. Grades are what posts' 岗级 name. */
const STEP_GRADES: ReadonlyArray<{ grade: string; base: number; inc: number }> = [
  { grade: "M1", base: 9000, inc: 350 },
  { grade: "M2", base: 7800, inc: 300 },
  { grade: "M3", base: 6600, inc: 260 },
  { grade: "M4", base: 5600, inc: 220 },
  { grade: "P1", base: 8500, inc: 330 },
  { grade: "P2", base: 7000, inc: 280 },
  { grade: "P3", base: 5800, inc: 230 },
  { grade: "W1", base: 4800, inc: 180 },
  { grade: "W2", base: 4200, inc: 150 },
];
const BAND_GRADES: ReadonlyArray<{ grade: string; min: number; mid: number; max: number }> = [
  { grade: "B1", min: 9000, mid: 12000, max: 15000 },
  { grade: "B2", min: 6500, mid: 8500, max: 10500 },
];
const STEPS = 8;

interface PostKind {
  title: string;
  category: Category;
  grade: string;
  coefficient: number;
  leader?: boolean;
  minEducation?: string;
  minScore?: number;
  maxAge?: number;
  minYears?: number;
  weight: number;
}

const POST_KINDS_BY_DEPT: ReadonlyArray<PostKind> = [
  { title: "主任科员", category: "管理", grade: "M3", coefficient: 1.3, minEducation: "本科", weight: 4 },
  { title: "科员", category: "管理", grade: "M4", coefficient: 1.0, minEducation: "大专", weight: 6 },
  {
    title: "业务主管",
    category: "专业技术",
    grade: "P2",
    coefficient: 1.3,
    minEducation: "本科",
    minYears: 3,
    weight: 3,
  },
  { title: "专员", category: "专业技术", grade: "P3", coefficient: 1.1, minEducation: "本科", maxAge: 45, weight: 4 },
  { title: "综合服务员", category: "工勤", grade: "W2", coefficient: 0.8, minEducation: "高中", weight: 2 },
];
const LEADER_KIND: PostKind = {
  title: "负责人",
  category: "管理",
  grade: "M1",
  coefficient: 1.8,
  leader: true,
  minEducation: "本科",
  minScore: 75,
  minYears: 8,
  weight: 0,
};
const DEPUTY_KIND: PostKind = {
  title: "副职",
  category: "管理",
  grade: "M2",
  coefficient: 1.5,
  leader: true,
  minEducation: "本科",
  minScore: 70,
  minYears: 5,
  weight: 0,
};
const EXPERT_KIND: PostKind = {
  title: "高级专家",
  category: "专业技术",
  grade: "B1",
  coefficient: 1.6,
  minEducation: "硕士",
  minScore: 72,
  weight: 1,
};
const ANALYST_KIND: PostKind = {
  title: "分析师",
  category: "专业技术",
  grade: "B2",
  coefficient: 1.2,
  minEducation: "本科",
  maxAge: 50,
  weight: 2,
};
const DRIVER_KIND: PostKind = {
  title: "驾驶员",
  category: "工勤",
  grade: "W1",
  coefficient: 0.9,
  minYears: 2,
  weight: 1,
};

const SURNAMES =
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
const GIVEN =
  "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕飞鹏辉宇浩然思远欣怡子涵梓晨雨轩嘉琪博文俊杰天佑";

function personName(rng: Rng): string {
  const s = rng.pick([...SURNAMES]);
  const chars = [...GIVEN];
  return rng.chance(0.35) ? s + rng.pick(chars) : s + rng.pick(chars) + rng.pick(chars);
}

const IDENTITIES: ReadonlyArray<readonly [string, number]> = [
  ["行政编制", 30],
  ["事业编制", 35],
  ["聘用", 25],
  ["派遣", 10],
];
const EDUCATION: ReadonlyArray<readonly [string, number]> = [
  ["高中", 5],
  ["大专", 20],
  ["本科", 55],
  ["硕士", 18],
  ["博士", 2],
];
const RATING_TABLE: ReadonlyArray<{ rating: string; coefficient: number; maxShare?: number }> = [
  { rating: "优秀", coefficient: 1.5, maxShare: 0.2 },
  { rating: "良好", coefficient: 1.2, maxShare: 0.4 },
  { rating: "合格", coefficient: 1.0 },
  { rating: "基本合格", coefficient: 0.8 },
  { rating: "不合格", coefficient: 0.5 },
];

/** Shares of the ratings given in each unit: 优秀 and 良好 well within their caps in RATING_TABLE. */
const RATING_SHARES = { top: 0.1, good: 0.25, low: 0.03 };

// ---------------------------------------------------------------- the generator

interface PostRow {
  id: string;
  title: string;
  dept: string;
  kind: PostKind;
  quota: number;
  minScore?: number;
  maxAge?: number;
  minYears?: number;
}

function makePosts(rng: Rng, count: number, seats: number): PostRow[] {
  const posts: PostRow[] = [];
  const depts = SAMPLE_DEPARTMENTS;
  // Leaders first (one head per department, then deputies), then the other kinds in turn.
  const kinds: PostKind[] = [];
  for (let i = 0; i < count; i++) {
    if (i < depts.length) kinds.push(LEADER_KIND);
    else if (i < depts.length + Math.min(4, Math.floor(count / 10))) kinds.push(DEPUTY_KIND);
    else {
      const j = i - depts.length;
      const pool = [...POST_KINDS_BY_DEPT, EXPERT_KIND, ANALYST_KIND, DRIVER_KIND];
      kinds.push(pool[j % pool.length]);
    }
  }
  const titleCount = new Map<string, number>();
  const width = String(count).length < 3 ? 3 : String(count).length;
  kinds.forEach((kind, i) => {
    const dept = depts[i % depts.length];
    const base = `${dept.replace(/(局|办公室)$/, "")}${kind.title}`;
    const n = (titleCount.get(base) ?? 0) + 1;
    titleCount.set(base, n);
    posts.push({
      id: `P${String(i + 1).padStart(width, "0")}`,
      title: n === 1 ? base : `${base}${n}`,
      dept,
      kind,
      quota: 0,
      minScore: kind.minScore ?? (rng.chance(0.15) ? 65 : undefined),
      maxAge: kind.maxAge,
      minYears: kind.minYears,
    });
  });
  // Seats: leaders 1; the rest shared by weight with a random factor, largest remainder.
  let left = seats;
  const open: { p: PostRow; w: number }[] = [];
  for (const p of posts) {
    if (p.kind.leader) {
      p.quota = 1;
      left--;
    } else open.push({ p, w: Math.max(1, p.kind.weight) * (0.6 + rng.float() * 0.8) });
  }
  const totalW = open.reduce((s, x) => s + x.w, 0);
  const shares = open.map((x) => ({ x, exact: (Math.max(0, left) * x.w) / totalW }));
  let given = 0;
  for (const s of shares) {
    s.x.p.quota = Math.max(1, Math.floor(s.exact));
    given += s.x.p.quota;
  }
  const order = shares.map((s, i) => ({ i, r: s.exact - Math.floor(s.exact) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; given < left && k < order.length; k++, given++) shares[order[k].i].x.p.quota++;
  return posts;
}

/**
 * Generates the sample workbook.
 *
 * @example
 * const wb = generateSample({ lang: "zh" });
 * wb.tables.map((t) => t.name) // => ["人员", "岗位", "权重", "薪酬标准", "考核等次", "机构", "周转编制台账", "方案"]
 */
export function generateSample(options: SampleOptions = {}): SampleWorkbook {
  const lang: Lang = options.lang ?? "zh";
  const staffCount = Math.max(10, Math.floor(options.staff ?? 300));
  const postCount = Math.max(10, Math.floor(options.posts ?? Math.round((staffCount * 40) / 300)));
  const rng = new Rng(options.seed ?? 20240601);
  const seats = Math.min(Math.round(staffCount * 0.8), staffCount - 1);

  const posts = makePosts(rng, postCount, Math.max(seats, postCount));
  const h = (id: TableId, key: string): string => columnHeader(TABLES[id], key, lang);
  const pat = (id: TableId, key: string, n: number): string => {
    const p = TABLES[id].patterns!.find((x) => x.key === key)!;
    return lang === "zh" ? `${p.zh}${n}` : `${p.en} ${n}`;
  };
  const name = (id: TableId): string => TABLES[id][lang];

  // ---- staff
  const maxChoices = 5;
  const staffHeader = [
    h("staff", "id"),
    h("staff", "name"),
    h("staff", "unit"),
    h("staff", "identity"),
    h("staff", "function"),
    h("staff", "education"),
    h("staff", "age"),
    h("staff", "years"),
    h("staff", "currentPay"),
    h("staff", "written"),
    h("staff", "interview"),
    h("staff", "peerReview"),
    h("staff", "appraisal"),
    ...Array.from({ length: maxChoices }, (_, i) => pat("staff", "choices", i + 1)),
    h("staff", "acceptAdjustment"),
    h("staff", "transferChoice"),
    h("staff", "rating"),
    h("staff", "performanceScore"),
  ];
  const unitWeights = UNITS.map((u) => [u, u.share] as const);
  // Popularity of posts for choices: some posts are sought after.
  const pickPost = rng.sampler(posts.map((p) => [p, (p.kind.leader ? 0.6 : 1) * (0.3 + rng.float() * 1.7)] as const));
  const staffRows: CellValue[][] = [staffHeader];
  const idWidth = Math.max(4, String(staffCount).length);
  const perfByUnit = new Map<string, { row: CellValue[]; score: number }[]>();
  const unitActual = new Map<string, number>();
  for (let i = 0; i < staffCount; i++) {
    const u = rng.weighted(unitWeights);
    unitActual.set(u.unit, (unitActual.get(u.unit) ?? 0) + 1);
    const identity = rng.weighted(IDENTITIES);
    const education = rng.weighted(EDUCATION);
    const age = rng.int(23, 59);
    const years = clamp(age - 22 - rng.int(0, 6), 0, age - 18);
    const idBonus = identity === "行政编制" ? 600 : identity === "事业编制" ? 300 : identity === "派遣" ? -800 : 0;
    const pay = Math.round(4200 + years * 95 + idBonus + rng.int(0, 1500));
    const written = round1(clamp(rng.normal(72, 9), 40, 99));
    const interview = round1(clamp(rng.normal(75, 8), 45, 99));
    const peer = round1(clamp(rng.normal(85, 6), 60, 100));
    const appraisal = round1(clamp(rng.normal(82, 7), 60, 100));
    const transfers = u.function === "社会事务" && rng.chance(0.55);
    const nChoices = transfers ? 0 : rng.int(3, 5);
    const choices: CellValue[] = [];
    const chosen = new Set<string>();
    while (choices.length < nChoices) {
      const p = pickPost();
      if (chosen.has(p.id)) continue;
      chosen.add(p.id);
      choices.push(p.id);
    }
    while (choices.length < maxChoices) choices.push(null);
    const perf = round1(clamp(rng.normal(80, 8), 50, 100));
    const row: CellValue[] = [
      `E${String(i + 1).padStart(idWidth, "0")}`,
      personName(rng),
      u.unit,
      identity,
      u.function,
      education,
      age,
      years,
      pay,
      written,
      interview,
      peer,
      appraisal,
      ...choices,
      transfers ? null : rng.chance(0.7) ? "是" : "否",
      transfers ? "随职能划转" : "竞聘",
      null,
      perf,
    ];
    staffRows.push(row);
    const list = perfByUnit.get(u.unit) ?? [];
    list.push({ row, score: perf });
    perfByUnit.set(u.unit, list);
  }
  // Every person has last year's rating (考核等次), given by forced distribution within their unit: ranked
  // by 绩效得分 (row order among equals), the top ⌊10% × n⌋ 优秀, the next ⌊25% × n⌋ 良好, the last
  // ⌊3% × n⌋ 基本合格, the rest 合格. Below the Ratings caps (20%, 40%), so that after re-bidding moves people
  // into new departments the caps mostly still hold there too (performance pay checks them per new unit).
  const ratingCol = staffHeader.indexOf(h("staff", "rating"));
  for (const u of UNITS) {
    const list = (perfByUnit.get(u.unit) ?? []).map((x, k) => ({ ...x, k }));
    list.sort((a, b) => b.score - a.score || a.k - b.k);
    const n = list.length;
    const top = Math.floor(n * RATING_SHARES.top);
    const good = Math.floor(n * RATING_SHARES.good);
    const low = Math.floor(n * RATING_SHARES.low);
    list.forEach((x, k) => {
      x.row[ratingCol] = k < top ? "优秀" : k < top + good ? "良好" : k >= n - low ? "基本合格" : "合格";
    });
  }

  // ---- posts
  const postRows: CellValue[][] = [
    [
      h("posts", "id"),
      h("posts", "title"),
      h("posts", "unit"),
      h("posts", "category"),
      h("posts", "grade"),
      h("posts", "quota"),
      h("posts", "minScore"),
      h("posts", "minEducation"),
      h("posts", "maxAge"),
      h("posts", "minYears"),
      h("posts", "leader"),
      h("posts", "postCoefficient"),
    ],
    ...posts.map((p) => [
      p.id,
      p.title,
      p.dept,
      p.kind.category,
      p.kind.grade,
      p.quota,
      p.minScore ?? null,
      p.kind.minEducation ?? null,
      p.maxAge ?? null,
      p.minYears ?? null,
      p.kind.leader ? "是" : "否",
      p.kind.coefficient,
    ]),
  ];

  // ---- weights
  const components = ["written", "interview", "peerReview", "appraisal"].map((k) => h("staff", k));
  const weightRows: CellValue[][] = [
    [h("weights", "category"), ...components],
    ["默认", 0.4, 0.3, 0.15, 0.15],
    ["管理", 0.3, 0.3, 0.2, 0.2],
    ["专业技术", 0.5, 0.3, 0.1, 0.1],
    ["工勤", 0.2, 0.4, 0.2, 0.2],
  ];

  // ---- pay scale
  const payRows: CellValue[][] = [
    [
      h("payScale", "grade"),
      ...Array.from({ length: STEPS }, (_, i) => pat("payScale", "steps", i + 1)),
      h("payScale", "min"),
      h("payScale", "mid"),
      h("payScale", "max"),
    ],
    ...STEP_GRADES.map((g) => [
      g.grade,
      ...Array.from({ length: STEPS }, (_, i) => g.base + i * g.inc),
      null,
      null,
      null,
    ]),
    ...BAND_GRADES.map((g) => [g.grade, ...Array.from({ length: STEPS }, () => null), g.min, g.mid, g.max]),
  ];

  // ---- ratings
  const ratingRows: CellValue[][] = [
    [h("ratings", "rating"), h("ratings", "coefficient"), h("ratings", "maxShare")],
    ...RATING_TABLE.map((r) => [r.rating, r.coefficient, r.maxShare ?? null]),
  ];

  // ---- units
  const unitRows: CellValue[][] = [
    [
      h("units", "unit"),
      h("units", "type"),
      h("units", "level"),
      h("units", "function"),
      h("units", "kind"),
      h("units", "authorized"),
      h("units", "actual"),
      h("units", "leaderQuota"),
      h("units", "actualLeaders"),
      h("units", "afterReform"),
      h("units", "assessmentCoefficient"),
      h("units", "ranking"),
    ],
  ];
  const coefs = UNITS.map(() => round1(0.9 + rng.float() * 0.3));
  const ranking = coefs
    .map((c, i) => ({ c, i }))
    .sort((a, b) => b.c - a.c || a.i - b.i)
    .reduce<number[]>((acc, x, r) => {
      acc[x.i] = r + 1;
      return acc;
    }, []);
  UNITS.forEach((u, i) => {
    const actual = unitActual.get(u.unit) ?? 0;
    const authorized = Math.max(1, actual + rng.int(-Math.ceil(actual * 0.1), Math.ceil(actual * 0.15)));
    unitRows.push([
      u.unit,
      u.type,
      u.level,
      u.function,
      u.kind,
      authorized,
      actual,
      u.leaderQuota,
      u.actualLeaders,
      u.afterReform,
      coefs[i],
      ranking[i],
    ]);
  });

  // ---- pool ledger: returned, overdue (due before 2026-01-01, not returned) and active loans
  const ledgerRows: CellValue[][] = [
    [
      h("poolLedger", "unit"),
      h("poolLedger", "kind"),
      h("poolLedger", "slots"),
      h("poolLedger", "borrowed"),
      h("poolLedger", "due"),
      h("poolLedger", "returned"),
      h("poolLedger", "purpose"),
    ],
  ];
  const purposes = ["引进金融人才", "招商专员", "规划设计师", "数据分析", "法务顾问", "科技项目管理"];
  const borrowers = UNITS.filter((u) => u.function === "经济发展" && u.afterReform !== "撤销");
  for (let i = 0; i < 12; i++) {
    const u = borrowers[i % borrowers.length];
    const y = 2024 + Math.floor(i / 5);
    const m = ((i * 5) % 12) + 1;
    const borrowed = utcDate(y, m, rng.int(1, 28));
    const term = i % 3 === 2 ? 24 : 12;
    const due = utcDate(borrowed.getUTCFullYear(), borrowed.getUTCMonth() + 1 + term, borrowed.getUTCDate());
    // Every third loan returned on time; the rest stay out (overdue when due has passed by the as-of date).
    const returned =
      i % 3 === 0 ? utcDate(due.getUTCFullYear(), due.getUTCMonth() + 1 - rng.int(0, 2), rng.int(1, 28)) : null;
    ledgerRows.push([
      u.unit,
      u.kind === "员额" ? "行政" : u.kind,
      rng.int(1, 3),
      borrowed,
      due,
      returned,
      purposes[i % purposes.length],
    ]);
  }

  // ---- scenarios
  const perfPool = staffCount * 24000; // 24,000 yuan a head
  // Parameter names as src/engine/scenario/params.ts reads them.
  const paramHeaders =
    lang === "zh"
      ? [
          "志愿模式",
          "调剂",
          "末位比例",
          "套改规则",
          "保护方式",
          "绩效总额",
          "基础比例",
          "周转池容量",
          "员额控制数",
          "基准日期",
          "面试权重",
        ]
      : [
          "Mechanism",
          "Adjustment",
          "Bottom Ratio",
          "Conversion Rule",
          "Protection",
          "Pool Amount",
          "Basic Share",
          "Pool Capacity",
          "Staff Ceiling",
          "As Of",
          "Interview Weight",
        ];
  const blank = (n: number): null[] => Array.from({ length: n }, () => null);
  const zh = lang === "zh";
  const scenarioRows: CellValue[][] = [
    [h("scenarios", "scenario"), ...paramHeaders],
    [
      zh ? "基准方案" : "Baseline",
      zh ? "平行" : "parallel",
      zh ? "是" : "yes",
      0.05,
      zh ? "就近就高" : "not below",
      zh ? "保留" : "keep",
      perfPool,
      0.7,
      20,
      Math.round((staffCount * 250) / 300),
      utcDate(2026, 1, 1),
      0.3,
    ],
    [zh ? "方案二" : "Scenario 2", zh ? "顺序" : "sequential", ...blank(10)],
    [zh ? "方案三" : "Scenario 3", ...blank(4), zh ? "逐年过渡" : "phase", ...blank(5), 0.5],
  ];

  const tables: SampleTable[] = [
    { id: "staff", name: name("staff"), rows: staffRows },
    { id: "posts", name: name("posts"), rows: postRows },
    { id: "weights", name: name("weights"), rows: weightRows },
    { id: "payScale", name: name("payScale"), rows: payRows },
    { id: "ratings", name: name("ratings"), rows: ratingRows },
    { id: "units", name: name("units"), rows: unitRows },
    { id: "poolLedger", name: name("poolLedger"), rows: ledgerRows },
    { id: "scenarios", name: name("scenarios"), rows: scenarioRows },
  ];
  return { tables };
}

/**
 * The sample as table sources (one sheet per table, header in A1), for `writeXlsx` and `identifyTables`.
 *
 * @example identifyTables(sampleSources(generateSample())).staff?.name // => "人员"
 */
export function sampleSources(wb: SampleWorkbook): TableSource[] {
  return wb.tables.map((t) => ({ name: t.name, sheet: t.name, rows: t.rows, headerRow: 1, firstColumn: 0 }));
}
