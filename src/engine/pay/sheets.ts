/**
 * Result sheets of pay conversion and performance pay (see src/engine/report.ts). Money columns are yuan
 * numbers (fen ÷ 100) of kind "money"; ratios are kind "percent" or "number".
 */
import { fenToYuan, roundHalfUp } from "../money";
import { labels, t } from "../messages";
import { safeSheetName, type ResultSheet } from "../report";
import type { CellValue, Lang } from "../types";
import type { PayConversionResult, PhaseYear } from "./conversion";
import type { PerformancePayResult } from "./performance";

const y = fenToYuan;

/** A phase schedule as one cell (the schedule is built when a line's `phase` is read: read it once). */
function phaseText(phase: PhaseYear[] | undefined, lang: Lang): string {
  return phase
    ? phase.map((p) => t("pay.phaseYear", lang, { year: p.year, amount: y(p.protectedPay) })).join("; ")
    : "";
}

/**
 * Sheets of a pay conversion: `pay-conversion` (薪酬套改 / Pay Conversion, one row per person, losers
 * highlighted "bad", red circles "warn"), `pay-summary` (薪酬汇总 / Payroll Summary, by unit with a total row
 * and a column chart of monthly payroll before/after) and `pay-distribution` (the histogram of changes).
 *
 * @example paySheets(convertPay(people, scale), "en")[0].name // => "Pay Conversion"
 */
export function paySheets(result: PayConversionResult, lang: Lang): ResultSheet[] {
  const c = (k: string) => t(`pay.col.${k}`, lang);
  const s = result.summary;
  const rows: CellValue[][] = [];
  const losers: number[] = [];
  const red: number[] = [];
  const ruleText = labels("pay.rule", lang);
  const circleText = labels("pay.circle", lang);
  result.lines.forEach((l, i) => {
    rows.push([
      l.staffId,
      l.name ?? "",
      l.unit ?? "",
      l.grade,
      l.step ?? null,
      ruleText(l.rule),
      y(l.currentPay),
      y(l.newPay),
      y(l.protectedPay),
      y(l.totalPay),
      y(l.change),
      l.circle ? circleText(l.circle) : "",
      l.compaRatio ?? null,
      l.penetration ?? null,
      phaseText(l.phase, lang),
    ]);
    if (l.change < 0) losers.push(i);
    else if (l.circle === "red") red.push(i);
  });
  const fmt = (fen: number) => y(fen).toFixed(2);
  const notes = [
    t("pay.note.settings", lang, {
      rule: t(`pay.rule.${result.settings.conversionRule}`, lang),
      protection: t(`pay.protection.${result.settings.protection}`, lang),
      multiplier: result.settings.scaleMultiplier,
    }),
    t("pay.note.total", lang, {
      before: fmt(s.monthlyBefore),
      after: fmt(s.monthlyAfter),
      annualBefore: fmt(s.annualBefore),
      annualAfter: fmt(s.annualAfter),
      protected: fmt(s.protectedMonthly),
    }),
    t("pay.note.counts", lang, {
      headcount: s.headcount,
      winners: s.winners,
      losers: s.losers,
      unchanged: s.unchanged,
      red: s.redCircle,
      green: s.greenCircle,
    }),
  ];
  if (s.largestLoss) {
    notes.push(
      t("pay.note.largestLoss", lang, {
        staff: s.largestLoss.staffId,
        name: s.largestLoss.name ?? "",
        amount: fmt(s.largestLoss.amount),
      }),
    );
  }
  const pc = s.percentiles;
  notes.push(
    t("pay.note.percentiles", lang, { p10: y(pc.p10), p25: y(pc.p25), p50: y(pc.p50), p75: y(pc.p75), p90: y(pc.p90) }),
  );

  const conversion: ResultSheet = {
    id: "pay-conversion",
    name: safeSheetName(t("pay.sheet.conversion", lang)),
    columns: [
      { header: c("staffId"), kind: "text" },
      { header: c("name"), kind: "text" },
      { header: c("unit"), kind: "text" },
      { header: c("grade"), kind: "text" },
      { header: c("step"), kind: "integer" },
      { header: c("rule"), kind: "text" },
      { header: c("currentPay"), kind: "money" },
      { header: c("newPay"), kind: "money" },
      { header: c("protected"), kind: "money" },
      { header: c("totalPay"), kind: "money" },
      { header: c("change"), kind: "money" },
      { header: c("circle"), kind: "text" },
      { header: c("compa"), kind: "percent" },
      { header: c("penetration"), kind: "percent" },
      { header: c("phase"), kind: "text" },
    ],
    rows,
    highlights: [
      { rows: losers, style: "bad" },
      { rows: red, style: "warn" },
    ],
    notes,
  };

  const unitRows: CellValue[][] = s.byUnit.map((u) => [
    u.unit === "" ? t("pay.noUnit", lang) : u.unit,
    u.headcount,
    y(u.monthlyBefore),
    y(u.monthlyAfter),
    y(u.monthlyAfter - u.monthlyBefore),
    u.monthlyBefore > 0 ? (u.monthlyAfter - u.monthlyBefore) / u.monthlyBefore : null,
    y(u.annualBefore),
    y(u.annualAfter),
    y(u.protectedMonthly),
  ]);
  unitRows.push([
    t("pay.total", lang),
    s.headcount,
    y(s.monthlyBefore),
    y(s.monthlyAfter),
    y(s.monthlyAfter - s.monthlyBefore),
    s.monthlyBefore > 0 ? (s.monthlyAfter - s.monthlyBefore) / s.monthlyBefore : null,
    y(s.annualBefore),
    y(s.annualAfter),
    y(s.protectedMonthly),
  ]);
  const summary: ResultSheet = {
    id: "pay-summary",
    name: safeSheetName(t("pay.sheet.summary", lang)),
    columns: [
      { header: c("unit"), kind: "text" },
      { header: c("headcount"), kind: "integer" },
      { header: c("monthlyBefore"), kind: "money" },
      { header: c("monthlyAfter"), kind: "money" },
      { header: c("change"), kind: "money" },
      { header: c("changeRate"), kind: "percent" },
      { header: c("annualBefore"), kind: "money" },
      { header: c("annualAfter"), kind: "money" },
      { header: c("protectedMonthly"), kind: "money" },
    ],
    rows: unitRows,
    charts: [{ type: "column", title: t("pay.chart.payroll", lang), categoryColumn: 0, seriesColumns: [2, 3] }],
    notes,
  };

  const distribution: ResultSheet = {
    id: "pay-distribution",
    name: safeSheetName(t("pay.sheet.distribution", lang)),
    columns: [
      { header: c("bin"), kind: "text" },
      { header: c("from"), kind: "money" },
      { header: c("to"), kind: "money" },
      { header: c("count"), kind: "integer" },
    ],
    rows: s.histogram.map((b) => [`${y(b.from).toFixed(2)} ~ ${y(b.to).toFixed(2)}`, y(b.from), y(b.to), b.count]),
    charts: [{ type: "column", title: t("pay.chart.distribution", lang), categoryColumn: 0, seriesColumns: [3] }],
    notes: [notes[notes.length - 1]],
  };
  return [conversion, summary, distribution];
}

/**
 * Sheets of performance pay: `perf-pay` (绩效分配 / Performance Pay, one row per person, those with no
 * reward highlighted "warn", capped "good") and `perf-units` (by unit, with a chart of basic and reward).
 *
 * @example perfPaySheets(result, "zh")[0].name // => "绩效分配"
 */
export function perfPaySheets(result: PerformancePayResult, lang: Lang): ResultSheet[] {
  const c = (k: string) => t(`perf.col.${k}`, lang);
  const noReward: number[] = [];
  const capped: number[] = [];
  const rows: CellValue[][] = result.lines.map((l, i) => {
    if (l.reward === 0) noReward.push(i);
    else if (l.capped) capped.push(i);
    return [
      l.staffId,
      l.name ?? "",
      l.unit,
      l.postCoefficient,
      l.rating ?? "",
      l.ratingCoefficient,
      y(l.basic),
      y(l.reward),
      y(l.total),
      l.capped ? t("perf.capped.yes", lang) : "",
    ];
  });
  const sourceText =
    result.poolSource === "percent"
      ? t("perf.source.percent", lang, {
          base: y(result.poolBase ?? 0).toFixed(2),
          percent: `${roundHalfUp((result.settings.poolPercent ?? 0) * 100, 4)}%`,
        })
      : t(`perf.source.${result.poolSource}`, lang);
  const notes = [
    t("perf.note.pool", lang, {
      pool: y(result.pool).toFixed(2),
      source: sourceText,
      basic: y(result.basicPool).toFixed(2),
      reward: y(result.rewardPool).toFixed(2),
    }),
    t("perf.note.ratings", lang, { source: t(`perf.ratings.${result.ratingSource}`, lang) }),
  ];
  const people: ResultSheet = {
    id: "perf-pay",
    name: safeSheetName(t("perf.sheet.allocation", lang)),
    columns: [
      { header: c("staffId"), kind: "text" },
      { header: c("name"), kind: "text" },
      { header: c("unit"), kind: "text" },
      { header: c("postCoefficient"), kind: "number", decimals: 2 },
      { header: c("rating"), kind: "text" },
      { header: c("ratingCoefficient"), kind: "number", decimals: 2 },
      { header: c("basic"), kind: "money" },
      { header: c("reward"), kind: "money" },
      { header: c("total"), kind: "money" },
      { header: c("capped"), kind: "text" },
    ],
    rows,
    highlights: [
      { rows: noReward, style: "warn" },
      { rows: capped, style: "good" },
    ],
    notes,
  };
  const unitRows: CellValue[][] = result.units.map((u) => [
    u.unit === "" ? t("pay.noUnit", lang) : u.unit,
    u.headcount,
    u.coefficient,
    u.weight,
    y(u.rewardPool),
    y(u.basic),
    y(u.reward),
    y(u.total),
    u.headcount > 0 ? y(Math.round(u.total / u.headcount)) : null,
    u.cap !== undefined ? y(u.cap) : null,
  ]);
  const units: ResultSheet = {
    id: "perf-units",
    name: safeSheetName(t("perf.sheet.units", lang)),
    columns: [
      { header: c("unit"), kind: "text" },
      { header: c("headcount"), kind: "integer" },
      { header: c("unitCoefficient"), kind: "number", decimals: 2 },
      { header: c("weight"), kind: "number", decimals: 2 },
      { header: c("rewardPool"), kind: "money" },
      { header: c("basic"), kind: "money" },
      { header: c("reward"), kind: "money" },
      { header: c("total"), kind: "money" },
      { header: c("average"), kind: "money" },
      { header: c("cap"), kind: "money" },
    ],
    rows: unitRows,
    charts: [{ type: "column", title: t("perf.chart.units", lang), categoryColumn: 0, seriesColumns: [5, 6] }],
    notes,
  };
  return [people, units];
}
