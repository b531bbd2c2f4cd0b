/**
 * Types of the re-bidding model (全员竞聘上岗, DOMAIN §3): settings, the plain input of the core engine,
 * and the result (outcomes per candidate with structured reasons, fill per post, run summary).
 */
import type { Rounding } from "../money";
import type { Problem } from "../types";

export type Mechanism = "parallel" | "sequential";
export type Normalization = "raw" | "zscore" | "minmax";

/** Fields that can break ties between equal composites, in the order of the cascade. */
export type TieKey = "interview" | "written" | "peerReview" | "appraisal" | "years" | "age" | "education";

export interface TieBreak {
  key: TieKey;
  order: "asc" | "desc";
}

export interface RebidSettings {
  /** `parallel` 平行志愿 (deferred acceptance, default) or `sequential` 顺序志愿 (Boston). */
  mechanism: Mechanism;
  /** Run the adjustment round (服从调剂) for unplaced candidates who accept it (default true). */
  adjustment: boolean;
  /** Normalisation of each score component before weighting (default raw). */
  normalization: Normalization;
  /** Decimals of the composite, rounded half-up; ranking uses the rounded value (default 2). */
  decimals: number;
  /** Tie-break cascade after the composite (default 面试 desc, 年度考核 desc, 工龄 desc); then Staff row order. */
  tieBreak: TieBreak[];
  /** Divide each Weights row by its sum when it does not sum to 1 (default false: only reported). */
  normalizeWeights: boolean;
  /** 末位淘汰 ratio; 0 turns it off (default 0). */
  bottomRatio: number;
  /** How ratio × n becomes a count (default ceiling). */
  bottomRounding: Rounding;
  /** Minimum count in a group with at least one candidate (default 1). */
  bottomMinimum: number;
  /** Groups of 末位淘汰: original unit or post category of the default score (default unit). */
  bottomGroup: "unit" | "all";
}

export const DEFAULT_TIE_BREAK: ReadonlyArray<TieBreak> = [
  { key: "interview", order: "desc" },
  { key: "appraisal", order: "desc" },
  { key: "years", order: "desc" },
];

export const DEFAULT_REBID_SETTINGS: Readonly<RebidSettings> = Object.freeze({
  mechanism: "parallel",
  adjustment: true,
  normalization: "raw",
  decimals: 2,
  tieBreak: DEFAULT_TIE_BREAK.map((x) => ({ ...x })),
  normalizeWeights: false,
  bottomRatio: 0,
  bottomRounding: "ceiling",
  bottomMinimum: 1,
  bottomGroup: "unit",
}) as Readonly<RebidSettings>;

/** One candidate (a Staff row) as the core engine sees it. */
export interface RebidCandidate {
  id: string;
  name?: string;
  unit?: string;
  /** Row in the Staff table (header = row 1); defaults to index + 2. */
  row?: number;
  /**
   * Composite per score (index into `RebidInput.scoreNames`), already rounded to `decimals`.
   * A missing (NaN) composite counts as 0.
   */
  scores: ArrayLike<number>;
  /** Education rank 1..5 (高中 … 博士), age, years of service; undefined when not given. */
  education?: number;
  age?: number;
  years?: number;
  /** Component scores used by the tie-break cascade. */
  interview?: number;
  written?: number;
  peerReview?: number;
  appraisal?: number;
  /** Post indexes in order of preference (duplicates are ignored). */
  choices: ReadonlyArray<number>;
  acceptAdjustment?: boolean;
  /** Transfers out with the function (随职能划转): does not compete. */
  transfer?: boolean;
}

export interface RebidPost {
  id: string;
  title?: string;
  unit?: string;
  category?: string;
  /** Index of the score (composite of the post's category) that ranks candidates here. */
  score: number;
  quota: number;
  minScore?: number;
  minEducation?: number;
  maxAge?: number;
  minYears?: number;
  /** Row in the Posts table (header = row 1). */
  row?: number;
}

export interface RebidInput {
  candidates: ReadonlyArray<RebidCandidate>;
  /** In Posts order: the adjustment round takes the first post with a free seat. */
  posts: ReadonlyArray<RebidPost>;
  /** Names of the scores (post categories), for sheets; optional. */
  scoreNames?: ReadonlyArray<string>;
  /** The default category's score: orders the adjustment round and is shown for unplaced candidates (default 0). */
  defaultScore?: number;
}

export type OutcomeKind = "placed" | "adjusted" | "notSelected" | "ineligible" | "noChoices" | "transferred";

export const OUTCOME_KINDS: ReadonlyArray<OutcomeKind> = [
  "placed",
  "adjusted",
  "notSelected",
  "ineligible",
  "noChoices",
  "transferred",
];

/** How a tie on the composite was decided: not at all, by the cascade, or by Staff row order (flag it). */
export type TieKind = "none" | "cascade" | "rowOrder";

export type Requirement = "minScore" | "education" | "age" | "years";

export interface RequirementFailure {
  requirement: Requirement;
  /** The candidate's value (undefined when not given). */
  value: number | undefined;
  limit: number;
}

/** One line of a reason: why a choice (or the adjustment) did not give the candidate a post. */
export type ReasonItem =
  | { kind: "requirement"; choice: number; postId: string; failed: RequirementFailure[] }
  /** Eligible but outscored: composite vs the cutoff (the lowest placed composite, or the round's). */
  | { kind: "outscored"; choice: number; postId: string; composite: number; cutoff: number | null; tie: TieKind }
  /** Sequential only: the post was filled in an earlier round than this choice. */
  | { kind: "filledEarlier"; choice: number; postId: string; composite: number; cutoff: number | null; round: number }
  | { kind: "noSeats"; choice: number; postId: string }
  | { kind: "noChoices" }
  | { kind: "adjustmentDeclined" }
  | { kind: "adjustmentNone" };

export interface CandidateResult {
  /** Index in the input. */
  index: number;
  id: string;
  name?: string;
  unit?: string;
  row: number;
  /** Composite on the post placed on, or the default category's composite when not placed. */
  composite: number;
  outcome: OutcomeKind;
  /** Post index, -1 when none. */
  post: number;
  postId?: string;
  /** 1-based rank of the choice placed by, null otherwise. */
  choiceRank: number | null;
  /** Tie at a cutoff this candidate was part of (placed last or rejected at equal composite). */
  tie: TieKind;
  /**
   * Why the candidate did not get a better choice: every unplaced candidate has one; null when placed by
   * choice 1 or transferred. Built by `rebid` on first read (an own enumerable field all the same: keys,
   * JSON, spreads and equality see it; it can be assigned).
   */
  reason: ReasonItem[] | null;
  /** 末位淘汰 flag (when a bottom ratio is set). */
  bottom?: boolean;
}

export interface PostResult {
  index: number;
  /** Row in the Posts table (header = row 1). */
  row: number;
  id: string;
  title?: string;
  unit?: string;
  category?: string;
  quota: number;
  placed: number;
  placedByChoice: number;
  adjusted: number;
  vacancies: number;
  /** Lowest composite placed by choice; null when nobody was. */
  cutoff: number | null;
  /** A rejected eligible applicant had the cutoff composite: decided by the cascade or by row order. */
  tieAtCutoff: TieKind;
  /** Sequential: the round in which the post filled (1-based), null if it did not fill by choice. */
  filledInRound: number | null;
}

export interface RebidSummary {
  candidates: number;
  counts: Record<OutcomeKind, number>;
  /** Placed by choice k (index k − 1). */
  byChoice: number[];
  /** Pairs (candidate, post) where both would rather be together: 0 under parallel. */
  blockingPairs: number;
  quota: number;
  placed: number;
  /** Seats left empty (Σ vacancies), returned. */
  unfilled: number;
  /** Ties at cutoffs decided by row order (to flag for the committee). */
  rowOrderTies: number;
}

export interface BottomGroupResult {
  group: string;
  n: number;
  /** Count by ratio and rounding, raised to the minimum, capped at n. */
  count: number;
  /** Flagged, ties at the boundary included (≥ count). */
  flagged: number;
  /** The boundary score (highest flagged), null when nobody is flagged. */
  threshold: number | null;
  /** More people flagged than `count` because of a tie at the boundary. */
  tie: boolean;
}

export interface BottomResult {
  /** Per input position; false for blank scores. */
  flagged: boolean[];
  groups: BottomGroupResult[];
  problems: Problem[];
}

export interface RebidResult {
  settings: RebidSettings;
  candidates: CandidateResult[];
  posts: PostResult[];
  summary: RebidSummary;
  scoreNames: string[];
  bottom?: BottomResult;
}
