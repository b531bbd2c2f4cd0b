/**
 * Reasons in words: the structured reasons of the engine rendered through the message table.
 */
import { t } from "../messages";
import { educationName } from "../parse";
import type { Lang } from "../types";
import type { OutcomeKind, ReasonItem, RequirementFailure, TieKind } from "./types";

function fmt(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "—";
  return String(x);
}

function failureText(f: RequirementFailure, lang: Lang): string {
  const blank = t("rebid.blank", lang);
  if (f.requirement === "education") {
    return t("rebid.req.education", lang, {
      value: f.value === undefined ? blank : educationName(f.value, lang),
      limit: educationName(f.limit, lang),
    });
  }
  return t(`rebid.req.${f.requirement}`, lang, { value: f.value === undefined ? blank : f.value, limit: f.limit });
}

/** One reason item in words. */
export function reasonItemText(item: ReasonItem, lang: Lang): string {
  let text: string;
  switch (item.kind) {
    case "noChoices":
    case "adjustmentDeclined":
    case "adjustmentNone":
      return t(`rebid.reason.${item.kind}`, lang);
    case "noSeats":
      text = t("rebid.reason.noSeats", lang);
      break;
    case "requirement":
      text = item.failed.map((f) => failureText(f, lang)).join(t("rebid.req.sep", lang));
      break;
    case "filledEarlier":
      text = t("rebid.reason.filledEarlier", lang, {
        round: item.round,
        cutoff: fmt(item.cutoff),
        composite: fmt(item.composite),
      });
      break;
    case "outscored":
      if (item.tie !== "none") {
        const tie = t(item.tie === "rowOrder" ? "rebid.reason.tieRowOrder" : "rebid.reason.tieCascade", lang);
        text = t("rebid.reason.outscoredTie", lang, { composite: fmt(item.composite), tie });
      } else if (item.cutoff === null) {
        text = t("rebid.reason.outscoredNoCutoff", lang, { composite: fmt(item.composite) });
      } else {
        text = t("rebid.reason.outscored", lang, { composite: fmt(item.composite), cutoff: fmt(item.cutoff) });
      }
      break;
  }
  return t("rebid.reason.choice", lang, { choice: item.choice, post: item.postId, text });
}

/**
 * A candidate's reason in words, items joined by "；" (zh) or "; " (en). Empty for no reason.
 *
 * @example renderReason([{ kind: "outscored", choice: 1, postId: "P01", composite: 80.5, cutoff: 82, tie: "none" },
 *   { kind: "adjustmentDeclined" }], "en")
 *   // => "choice 1 (P01): composite 80.5 below the cutoff 82; did not accept adjustment"
 */
export function renderReason(reason: ReadonlyArray<ReasonItem> | null | undefined, lang: Lang): string {
  if (!reason || reason.length === 0) return "";
  return reason.map((r) => reasonItemText(r, lang)).join(t("rebid.reason.sep", lang));
}

/**
 * An outcome in words (the words of the result sheets).
 *
 * @example outcomeText("notSelected", "zh") // => "未录取"
 */
export function outcomeText(outcome: OutcomeKind, lang: Lang): string {
  return t(`rebid.outcome.${outcome}`, lang);
}

/** A tie flag in words, "" for none. */
export function tieText(tie: TieKind, lang: Lang): string {
  return tie === "none" ? "" : t(`rebid.tie.${tie}`, lang);
}
