/**
 * 末位淘汰: within each group, the bottom ratio of candidates by score is flagged.
 */
import { roundBy, type Rounding } from "../money";
import type { Problem } from "../types";
import type { BottomGroupResult, BottomResult } from "./types";

export interface BottomSettings {
  /** Share of each group to flag, 0..1. */
  ratio: number;
  /** ratio × n → count (default ceiling). */
  rounding?: Rounding;
  /** At least this many in a group of n ≥ 1 (default 1); never more than n. */
  minimum?: number;
}

/**
 * Flags the bottom of each group. Count = rounding(ratio × n), raised to `minimum` (default 1) when n ≥ 1,
 * capped at n; a ratio of 0 flags nobody whatever the minimum. Everyone whose score equals the boundary
 * score is flagged too, and the group reports `tie`. Blank scores (undefined/NaN) are not ranked and are
 * reported as warnings (table "staff", row = position + 2). Groups keep the order of first appearance;
 * without `groups`, everyone is one group.
 *
 * @example bottomRank([70, 90, 60, 80], undefined, { ratio: 0.25 }).flagged // => [false, false, true, false]
 * @example bottomRank([70, 60, 60, 80], undefined, { ratio: 0.25 }).groups[0]
 *   // => { group: "", n: 4, count: 1, flagged: 2, threshold: 60, tie: true }
 */
export function bottomRank(
  scores: ArrayLike<number | undefined | null>,
  groups: ArrayLike<string | undefined | null> | undefined,
  settings: BottomSettings,
): BottomResult {
  const n = scores.length;
  const flagged = new Array<boolean>(n).fill(false);
  const problems: Problem[] = [];
  const members = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const s = scores[i];
    const g = groups ? String(groups[i] ?? "") : "";
    if (!members.has(g)) members.set(g, []);
    if (s === undefined || s === null || !Number.isFinite(s)) {
      problems.push({
        severity: "warning",
        table: "staff",
        tableRow: i + 2,
        value: s ?? undefined,
        key: "rebid.bottom.blank",
      });
      continue;
    }
    members.get(g)!.push(i);
  }
  const ratio = Number.isFinite(settings.ratio) ? Math.max(0, Math.min(1, settings.ratio)) : 0;
  const rounding = settings.rounding ?? "ceiling";
  const minimum = Math.max(0, Math.floor(settings.minimum ?? 1));
  const out: BottomGroupResult[] = [];
  for (const [group, idx] of members) {
    const m = idx.length;
    let count = ratio > 0 ? Math.max(roundBy(ratio * m, rounding), m >= 1 ? minimum : 0) : 0;
    count = Math.min(count, m);
    if (count === 0) {
      out.push({ group, n: m, count: 0, flagged: 0, threshold: null, tie: false });
      continue;
    }
    const sorted = idx.slice().sort((a, b) => (scores[a] as number) - (scores[b] as number) || a - b);
    const threshold = scores[sorted[count - 1]] as number;
    let f = 0;
    for (const i of idx) {
      if ((scores[i] as number) <= threshold) {
        flagged[i] = true;
        f++;
      }
    }
    const tie = f > count;
    if (tie) {
      problems.push({
        severity: "warning",
        table: "staff",
        key: "rebid.bottom.tie",
        params: { group: group === "" ? "—" : group, count, flagged: f, score: threshold },
      });
    }
    out.push({ group, n: m, count, flagged: f, threshold, tie });
  }
  return { flagged, groups: out, problems };
}
