/**
 * Result sheets of the headcount and pool models (see report.ts). Labels come from the message table.
 */
import { t } from "../messages";
import { dayToExcelSerial, formatDay } from "../parse";
import { safeSheetName, type ResultColumn, type ResultSheet } from "../report";
import type { CellValue, Lang } from "../types";
import type { HeadcountResult, PoolResult } from "./model";
import { ALL_KINDS, type LoanView } from "./pool";
import type { BeforeAfter } from "./rate";
import type { UnitFate } from "./units";

const pct = (x: number | null): string => (x === null ? "—" : `${(Math.round(x * 1000) / 10).toFixed(1)}%`);

function col(lang: Lang, key: string, kind: ResultColumn["kind"], decimals?: number): ResultColumn {
  return decimals === undefined ? { header: t(key, lang), kind } : { header: t(key, lang), kind, decimals };
}

function fateText(f: UnitFate | undefined, lang: Lang): string {
  if (!f) return "";
  if (f.disposition === "merge") return t("headcount.fate.merge", lang, { target: f.body ?? "" });
  if (f.disposition === "new") return "";
  return t(`headcount.fate.${f.disposition}`, lang);
}

/**
 * The headcount sheets: per unit (编制分析 / Headcount), before → after with a chart (改革前后对比),
 * and, when present, ranking-linked quotas and the functions list.
 *
 * @example headcountSheets(result, "zh").map((s) => s.name) // => ["编制分析", "改革前后对比", …]
 */
export function headcountSheets(result: HeadcountResult, lang: Lang): ResultSheet[] {
  const sheets: ResultSheet[] = [];
  const notGiven = t("headcount.notGiven", lang);
  const fates = new Map(result.plan.fates.map((f) => [f.unit, f]));

  // ---- per unit
  const unitRows: CellValue[][] = [];
  const bad: number[] = [];
  result.check.units.forEach((u, i) => {
    unitRows.push([
      u.unit,
      u.type ?? "",
      u.level ?? "",
      u.function ?? "",
      u.kind,
      u.authorized,
      u.actual,
      u.vacancies,
      u.overEstablishment,
      u.leaderQuota ?? null,
      u.actualLeaders ?? null,
      u.leadersOverQuota ?? null,
      u.poolSlots,
      fateText(fates.get(u.unit), lang),
    ]);
    if (u.overEstablishment > 0 || (u.leadersOverQuota ?? 0) > 0) bad.push(i);
  });
  const unitNotes = result.check.byKind.map((k) =>
    t("headcount.note.byKind", lang, {
      kind: k.kind || notGiven,
      units: k.units,
      authorized: k.authorized,
      actual: k.actual,
      vacancies: k.vacancies,
      over: k.overEstablishment,
      pool: k.poolSlots,
    }),
  );
  if (result.check.leadersOverUnits > 0) {
    unitNotes.push(
      t("headcount.note.leadersOver", lang, {
        units: result.check.leadersOverUnits,
        posts: result.check.leadersOverTotal,
      }),
    );
  }
  if (result.poolAsOf !== undefined)
    unitNotes.push(t("headcount.note.pool", lang, { date: formatDay(result.poolAsOf) }));
  sheets.push({
    id: "headcount",
    name: safeSheetName(t("headcount.sheet.units", lang)),
    columns: [
      col(lang, "headcount.col.unit", "text"),
      col(lang, "headcount.col.type", "text"),
      col(lang, "headcount.col.level", "text"),
      col(lang, "headcount.col.function", "text"),
      col(lang, "headcount.col.kind", "text"),
      col(lang, "headcount.col.authorized", "integer"),
      col(lang, "headcount.col.actual", "integer"),
      col(lang, "headcount.col.vacancies", "integer"),
      col(lang, "headcount.col.over", "integer"),
      col(lang, "headcount.col.leaderQuota", "integer"),
      col(lang, "headcount.col.actualLeaders", "integer"),
      col(lang, "headcount.col.leadersOver", "integer"),
      col(lang, "headcount.col.poolSlots", "integer"),
      col(lang, "headcount.col.after", "text"),
    ],
    rows: unitRows,
    highlights: bad.length ? [{ rows: bad, style: "bad" }] : undefined,
    notes: unitNotes,
  });

  // ---- before → after
  const plan = result.plan;
  const rows: CellValue[][] = [];
  const line = (label: string, f: BeforeAfter): number => {
    rows.push([label, f.before, f.after, f.change, f.rate, f.rateText]);
    return rows.length - 1;
  };
  const group = (g: string): string => g || notGiven;
  line(t("headcount.row.bodies", lang), plan.bodiesTotal);
  for (const g of plan.bodiesByType) line(t("headcount.row.bodiesByType", lang, { group: group(g.group) }), g);
  for (const g of plan.bodiesByLevel) line(t("headcount.row.bodiesByLevel", lang, { group: group(g.group) }), g);
  line(t("headcount.row.authorized", lang), plan.authorized);
  if (plan.authorizedByKind.length > 1) {
    for (const g of plan.authorizedByKind)
      line(t("headcount.row.authorizedByKind", lang, { group: group(g.group) }), g);
  }
  line(t("headcount.row.leaderPosts", lang), plan.leaderPosts);
  const staffRow = line(t("headcount.row.staff", lang), plan.staff);
  const sh = plan.economicShare;
  rows.push([
    t("headcount.row.functionalBodies", lang),
    sh.before.functional,
    sh.after.functional,
    sh.after.functional - sh.before.functional,
    null,
    "",
  ]);
  rows.push([
    t("headcount.row.economicBodies", lang),
    sh.before.economic,
    sh.after.economic,
    sh.after.economic - sh.before.economic,
    sh.after.share,
    pct(sh.after.share),
  ]);
  const shareRow = rows.length - 1;
  const notes = [t("headcount.note.rate", lang)];
  if (!result.hasPlan) notes.push(t("headcount.note.noPlan", lang));
  notes.push(
    plan.staff.source === "rebid"
      ? t("headcount.note.staffRebid", lang, { placed: plan.staff.after })
      : t("headcount.note.staffCarried", lang),
  );
  const c = plan.ceiling;
  if (c.placed !== undefined && c.ceiling !== undefined) {
    notes.push(
      t("headcount.note.ceiling", lang, {
        placed: c.placed,
        ceiling: c.ceiling,
        headroom: c.headroom ?? 0,
        verdict: t(c.within ? "headcount.note.within" : "headcount.note.over", lang),
      }),
    );
  }
  notes.push(
    t("headcount.note.share", lang, {
      share: pct(sh.after.share),
      economic: sh.after.economic,
      functional: sh.after.functional,
      floor: pct(sh.floor),
      verdict: t(sh.belowFloor ? "headcount.note.shareLow" : "headcount.note.shareOk", lang),
    }),
  );
  if (plan.transferred.units.length > 0) {
    notes.push(
      t("headcount.note.transferred", lang, {
        units: plan.transferred.units.length,
        authorized: plan.transferred.authorized,
        actual: plan.transferred.actual,
        leaders: plan.transferred.leaderQuota,
      }),
    );
  }
  const badRows = [...(sh.belowFloor ? [shareRow] : []), ...(c.within === false ? [staffRow] : [])];
  sheets.push({
    id: "headcountReform",
    name: safeSheetName(t("headcount.sheet.reform", lang)),
    columns: [
      col(lang, "headcount.col.item", "text"),
      col(lang, "headcount.col.before", "integer"),
      col(lang, "headcount.col.afterCount", "integer"),
      col(lang, "headcount.col.change", "integer"),
      col(lang, "headcount.col.rate", "percent"),
      col(lang, "headcount.col.rateText", "text"),
    ],
    rows,
    highlights: badRows.length ? [{ rows: badRows, style: "bad" }] : undefined,
    charts: [{ type: "column", title: t("headcount.chart.title", lang), categoryColumn: 0, seriesColumns: [1, 2] }],
    notes,
  });

  // ---- ranking
  if (result.ranking.length > 0) {
    const s = result.settings;
    sheets.push({
      id: "headcountRanking",
      name: safeSheetName(t("headcount.sheet.ranking", lang)),
      columns: [
        col(lang, "headcount.col.rank", "integer"),
        col(lang, "headcount.col.unit", "text"),
        col(lang, "headcount.col.leaderQuota", "integer"),
        col(lang, "headcount.col.adjust", "integer"),
        col(lang, "headcount.col.adjusted", "integer"),
        col(lang, "headcount.col.actualLeaders", "integer"),
        col(lang, "headcount.col.overAdjusted", "integer"),
        col(lang, "headcount.col.tie", "boolean"),
      ],
      rows: result.ranking.map((r) => [
        r.rank,
        r.unit,
        r.leaderQuota ?? null,
        r.change,
        r.adjustedQuota ?? null,
        r.actualLeaders ?? null,
        r.overAdjusted ?? null,
        r.tie,
      ]),
      highlights: [
        { rows: result.ranking.flatMap((r, i) => (r.change > 0 ? [i] : [])), style: "good" as const },
        { rows: result.ranking.flatMap((r, i) => (r.change < 0 ? [i] : [])), style: "warn" as const },
      ].filter((h) => h.rows.length > 0),
      notes: [
        t("headcount.note.ranking", lang, {
          top: s.rankingTop,
          gain: s.rankingGain,
          bottom: s.rankingBottom,
          loss: s.rankingLoss,
        }),
      ],
    });
  }

  // ---- functions list
  const fn = result.functions;
  if (fn) {
    const ownerLabel = t("headcount.group.owner", lang);
    const catLabel = t("headcount.group.category", lang);
    sheets.push({
      id: "headcountFunctions",
      name: safeSheetName(t("headcount.sheet.functions", lang)),
      columns: [
        col(lang, "headcount.col.group", "text"),
        col(lang, "headcount.col.name", "text"),
        col(lang, "headcount.col.items", "integer"),
        col(lang, "headcount.col.economic", "integer"),
        col(lang, "headcount.col.social", "integer"),
        col(lang, "headcount.col.other", "integer"),
        col(lang, "headcount.col.stripped", "integer"),
      ],
      rows: [
        ...fn.byOwner.map((o) => [ownerLabel, o.owner || notGiven, o.items, o.economic, o.social, o.other, o.stripped]),
        ...fn.byCategory.map((k) => [
          catLabel,
          k.category || notGiven,
          k.items,
          k.class === "economic" ? k.items : 0,
          k.class === "social" ? k.items : 0,
          k.class === "other" ? k.items : 0,
          k.stripped,
        ]),
      ],
      notes: [
        t("headcount.note.fnShare", lang, {
          before: pct(fn.economicShare.before.share),
          after: pct(fn.economicShare.after.share),
        }),
        t("headcount.note.socialRetained", lang, { count: fn.socialRetained.length }),
      ],
    });
    sheets.push({
      id: "headcountStripped",
      name: safeSheetName(t("headcount.sheet.stripped", lang)),
      columns: [
        col(lang, "headcount.col.row", "integer"),
        col(lang, "headcount.col.fnItem", "text"),
        col(lang, "headcount.col.owner", "text"),
        col(lang, "headcount.col.category", "text"),
      ],
      rows: fn.stripped.map((s) => [s.row ?? null, s.item, s.owner ?? "", s.category ?? ""]),
    });
  }
  return sheets;
}

const serial = (d: number | undefined): number | null => (d === undefined ? null : dayToExcelSerial(d));

/**
 * The pool sheets: per kind capacity, lent, available and utilisation (周转编制池 / Pool), and every
 * loan with its status as of the date (周转编制借用 / Pool Loans). Dates are Excel serial numbers in
 * "date" columns.
 *
 * @example poolSheets(result, "en").map((s) => s.id) // => ["pool", "poolLoans"]
 */
export function poolSheets(result: PoolResult, lang: Lang): ResultSheet[] {
  const b = result.balance;
  const kindLabel = (k: string): string => (k === ALL_KINDS ? t("pool.allKinds", lang) : k);
  const rows: CellValue[][] = b.buckets.map((x) => [
    kindLabel(x.bucket),
    x.capacity,
    x.lent,
    x.available,
    x.utilisation,
  ]);
  if (b.buckets.length > 1)
    rows.push([t("pool.total", lang), b.total.capacity, b.total.lent, b.total.available, b.total.utilisation]);
  const date = formatDay(b.asOf);
  const notes = [
    result.asOfSource === "ledger" ? t("pool.note.asOfLedger", lang, { date }) : t("pool.note.asOf", lang, { date }),
    t("pool.note.summary", lang, {
      overdue: b.overdue.length,
      dueSoon: b.dueSoon.length,
      months: b.dueWithinMonths,
      refused: b.refused.length,
      invalid: b.invalid.length,
    }),
    t("pool.note.rules", lang),
  ];
  if (b.total.capacity === null) notes.push(t("pool.note.noCapacity", lang));
  const dueSoon = new Set<LoanView>(b.dueSoon);
  const loanRows: CellValue[][] = b.loans.map((l) => [
    l.row ?? null,
    l.unit,
    l.kind,
    l.slots,
    serial(l.borrowed),
    serial(l.due),
    serial(l.returned),
    l.purpose ?? "",
    t(`pool.status.${l.status}`, lang),
    l.daysOverdue ?? null,
    dueSoon.has(l),
  ]);
  const idx = (pred: (l: LoanView) => boolean): number[] => b.loans.flatMap((l, i) => (pred(l) ? [i] : []));
  return [
    {
      id: "pool",
      name: safeSheetName(t("pool.sheet.pool", lang)),
      columns: [
        col(lang, "pool.col.kind", "text"),
        col(lang, "pool.col.capacity", "integer"),
        col(lang, "pool.col.lent", "integer"),
        col(lang, "pool.col.available", "integer"),
        col(lang, "pool.col.utilisation", "percent"),
      ],
      rows,
      notes,
    },
    {
      id: "poolLoans",
      name: safeSheetName(t("pool.sheet.loans", lang)),
      columns: [
        col(lang, "pool.col.row", "integer"),
        col(lang, "pool.col.unit", "text"),
        col(lang, "pool.col.kind", "text"),
        col(lang, "pool.col.slots", "integer"),
        col(lang, "pool.col.borrowed", "date"),
        col(lang, "pool.col.due", "date"),
        col(lang, "pool.col.returned", "date"),
        col(lang, "pool.col.purpose", "text"),
        col(lang, "pool.col.status", "text"),
        col(lang, "pool.col.daysOverdue", "integer"),
        col(lang, "pool.col.dueSoon", "boolean"),
      ],
      rows: loanRows,
      highlights: [
        { rows: idx((l) => l.status === "overdue" || l.status === "refused"), style: "bad" as const },
        { rows: idx((l) => l.status === "invalid" || dueSoon.has(l)), style: "warn" as const },
      ].filter((h) => h.rows.length > 0),
      notes: [notes[0]],
    },
  ];
}
