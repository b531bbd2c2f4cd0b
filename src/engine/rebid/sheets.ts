/**
 * Result sheets of re-bidding: Placements / 竞聘结果 and Post Fill / 岗位录取 (the contract of issue 8).
 */
import { t } from "../messages";
import { safeSheetName, type ResultSheet } from "../report";
import type { CellValue, Lang } from "../types";
import { outcomeText, renderReason, tieText } from "./reason";
import type { RebidResult } from "./types";

/**
 * The two sheets of a run.
 * - Placements / 竞聘结果: Staff ID, Name, Composite, Post ID (blank if none), Outcome, Choice Rank, Reason,
 *   then Unit, Title, Tie (and Bottom when 末位淘汰 ran). Not selected / ineligible rows are highlighted "bad",
 *   adjusted and no-choice rows "warn".
 * - Post Fill / 岗位录取: Post ID, Quota, Placed, Vacancies, Cutoff, then Title, Unit, Category, Tie at Cutoff,
 *   By Choice, Adjusted; a column chart of quota vs placed by post; posts with vacancies highlighted "warn".
 *
 * @example rebidSheets(result, "en").map((s) => s.name) // => ["Placements", "Post Fill"]
 */
export function rebidSheets(result: RebidResult, lang: Lang): ResultSheet[] {
  const h = (k: string) => t(`rebid.col.${k}`, lang);
  const withBottom = result.bottom !== undefined;
  const placementCols: ResultSheet["columns"] = [
    { header: h("staffId"), kind: "text" },
    { header: h("name"), kind: "text" },
    { header: h("composite"), kind: "number", decimals: result.settings.decimals },
    { header: h("postId"), kind: "text" },
    { header: h("outcome"), kind: "text" },
    { header: h("choiceRank"), kind: "integer" },
    { header: h("reason"), kind: "text" },
    { header: h("unit"), kind: "text" },
    { header: h("title"), kind: "text" },
    { header: h("tie"), kind: "text" },
  ];
  if (withBottom) placementCols.push({ header: h("bottom"), kind: "boolean" });
  const bad: number[] = [];
  const warn: number[] = [];
  const placementRows: CellValue[][] = result.candidates.map((c, r) => {
    if (c.outcome === "notSelected" || c.outcome === "ineligible") bad.push(r);
    else if (c.outcome === "adjusted" || c.outcome === "noChoices") warn.push(r);
    const post = c.post >= 0 ? result.posts[c.post] : undefined;
    const row: CellValue[] = [
      c.id,
      c.name ?? "",
      c.outcome === "transferred" ? null : c.composite,
      c.postId ?? "",
      outcomeText(c.outcome, lang),
      c.choiceRank,
      renderReason(c.reason, lang),
      c.unit ?? "",
      post?.title ?? "",
      tieText(c.tie, lang),
    ];
    if (withBottom) row.push(c.bottom === true);
    return row;
  });
  const s = result.summary;
  const notes = [
    t("rebid.note.settings", lang, {
      mechanism: t(`rebid.mechanism.${result.settings.mechanism}`, lang),
      adjustment: t(result.settings.adjustment ? "rebid.yes" : "rebid.no", lang),
      normalization: result.settings.normalization,
      decimals: result.settings.decimals,
    }),
    t("rebid.note.counts", lang, { candidates: s.candidates, ...s.counts }),
    t("rebid.note.fill", lang, {
      quota: s.quota,
      filled: s.placed,
      unfilled: s.unfilled,
      blocking: s.blockingPairs,
      rowOrderTies: s.rowOrderTies,
    }),
  ];
  const placements: ResultSheet = {
    id: "placements",
    name: safeSheetName(t("rebid.sheet.placements", lang)),
    columns: placementCols,
    rows: placementRows,
    highlights: [
      { rows: bad, style: "bad" },
      { rows: warn, style: "warn" },
    ].filter((x) => x.rows.length > 0) as ResultSheet["highlights"],
    notes,
  };

  const vac: number[] = [];
  const postFill: ResultSheet = {
    id: "postFill",
    name: safeSheetName(t("rebid.sheet.postFill", lang)),
    columns: [
      { header: h("postId"), kind: "text" },
      { header: h("quota"), kind: "integer" },
      { header: h("placed"), kind: "integer" },
      { header: h("vacancies"), kind: "integer" },
      { header: h("cutoff"), kind: "number", decimals: result.settings.decimals },
      { header: h("title"), kind: "text" },
      { header: h("postUnit"), kind: "text" },
      { header: h("category"), kind: "text" },
      { header: h("tieAtCutoff"), kind: "text" },
      { header: h("placedByChoice"), kind: "integer" },
      { header: h("adjusted"), kind: "integer" },
    ],
    rows: result.posts.map((p, r) => {
      if (p.vacancies > 0) vac.push(r);
      return [
        p.id,
        p.quota,
        p.placed,
        p.vacancies,
        p.cutoff,
        p.title ?? "",
        p.unit ?? "",
        p.category ?? "",
        tieText(p.tieAtCutoff, lang),
        p.placedByChoice,
        p.adjusted,
      ];
    }),
    highlights: vac.length > 0 ? [{ rows: vac, style: "warn" }] : [],
    charts: [{ type: "column", title: t("rebid.chart.fill", lang), categoryColumn: 0, seriesColumns: [1, 2] }],
    notes,
  };
  return [placements, postFill];
}
