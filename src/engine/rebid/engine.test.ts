import fixture from "../../../test/fixtures/matching-hospital-resident.json";
import { rebid } from "./engine";
import { renderReason } from "./reason";
import type { RebidCandidate, RebidPost } from "./types";

const cand = (id: string, score: number, choices: number[], extra: Partial<RebidCandidate> = {}): RebidCandidate => ({
  id,
  scores: [score],
  choices,
  ...extra,
});
const post = (id: string, quota: number, extra: Partial<RebidPost> = {}): RebidPost => ({
  id,
  score: 0,
  quota,
  ...extra,
});
const placement = (r: ReturnType<typeof rebid>) =>
  Object.fromEntries(r.candidates.map((c) => [c.id, c.postId ?? null]));

describe("rebid: worked examples", () => {
  it("with one common score, parallel is 'highest score picks first among its choices'", () => {
    // Posts X, Y, Z with one seat each. By hand, best first: A(90) takes Y; B(85) wants Y (taken) then Z → Z;
    // C(80) wants Y (taken) then X → X; D(75) wants only X (taken) → not selected.
    const posts = [post("X", 1), post("Y", 1), post("Z", 1)];
    const candidates = [cand("D", 75, [0]), cand("C", 80, [1, 0]), cand("B", 85, [1, 2]), cand("A", 90, [1, 0])];
    const r = rebid({ candidates, posts }, { adjustment: false });
    expect(placement(r)).toEqual({ A: "Y", B: "Z", C: "X", D: null });
    expect(r.candidates.map((c) => c.choiceRank)).toEqual([null, 2, 2, 1]);
    expect(r.candidates[0].outcome).toBe("notSelected");
    expect(r.candidates[0].reason).toEqual([
      { kind: "outscored", choice: 1, postId: "X", composite: 75, cutoff: 80, tie: "none" },
    ]);
    expect(r.posts.map((p) => p.cutoff)).toEqual([80, 90, 85]);
    expect(r.summary.blockingPairs).toBe(0);
  });

  it("sequential and parallel differ; blocking pairs appear only under sequential", () => {
    // X and Y one seat each. A 90 wants X; B 80 wants X then Y; C 70 wants Y.
    // Sequential: round 1 X ← {A, B} takes A, Y ← {C} takes C; round 2 B applies to Y, already full.
    // Parallel: B is rejected by X and displaces C at Y. Under sequential (B, Y) blocks: B prefers Y, Y prefers B to C.
    const posts = [post("X", 1), post("Y", 1)];
    const candidates = [cand("A", 90, [0]), cand("B", 80, [0, 1]), cand("C", 70, [1])];
    const par = rebid({ candidates, posts }, { mechanism: "parallel", adjustment: false });
    const seq = rebid({ candidates, posts }, { mechanism: "sequential", adjustment: false });
    expect(placement(par)).toEqual({ A: "X", B: "Y", C: null });
    expect(placement(seq)).toEqual({ A: "X", B: null, C: "Y" });
    expect(par.summary.blockingPairs).toBe(0);
    expect(seq.summary.blockingPairs).toBe(1);
    expect(seq.posts.map((p) => p.filledInRound)).toEqual([1, 1]);
    expect(seq.candidates[1].reason).toEqual([
      { kind: "outscored", choice: 1, postId: "X", composite: 80, cutoff: 90, tie: "none" },
      { kind: "filledEarlier", choice: 2, postId: "Y", composite: 80, cutoff: 70, round: 1 },
    ]);
    expect(renderReason(seq.candidates[1].reason, "en")).toBe(
      "choice 1 (X): composite 80 below the cutoff 90; choice 2 (Y): filled in round 1 (cutoff 70, own composite 80)",
    );
  });

  it("breaks ties by the cascade, then by row order, and flags the row-order ties", () => {
    const posts = [post("X", 1), post("Y", 1)];
    // X: A and B both 80; B has the better interview → B. Y: C and D equal on everything → C (earlier row), flagged.
    const candidates = [
      cand("A", 80, [0], { interview: 85, appraisal: 90 }),
      cand("B", 80, [0], { interview: 90, appraisal: 70 }),
      cand("C", 70, [1], { interview: 80, appraisal: 80, years: 5 }),
      cand("D", 70, [1], { interview: 80, appraisal: 80, years: 5 }),
    ];
    const r = rebid({ candidates, posts }, { adjustment: false });
    expect(placement(r)).toEqual({ A: null, B: "X", C: "Y", D: null });
    expect(r.posts.map((p) => p.tieAtCutoff)).toEqual(["cascade", "rowOrder"]);
    expect(r.candidates.map((c) => c.tie)).toEqual(["cascade", "cascade", "rowOrder", "rowOrder"]);
    expect(r.summary.rowOrderTies).toBe(1);
    expect(r.candidates[3].reason?.[0]).toEqual({
      kind: "outscored",
      choice: 1,
      postId: "Y",
      composite: 70,
      cutoff: 70,
      tie: "rowOrder",
    });
    // a custom cascade: appraisal first → A wins X
    const r2 = rebid({ candidates, posts }, { adjustment: false, tieBreak: [{ key: "appraisal", order: "desc" }] });
    expect(r2.candidates[0].postId).toBe("X");
  });

  it("checks requirements and says which failed", () => {
    const posts = [post("X", 2, { minScore: 60, minEducation: 3, maxAge: 40, minYears: 2 })];
    const candidates = [
      cand("A", 55, [0], { education: 2, age: 45, years: 1 }),
      cand("B", 70, [0], { age: 30, years: 3 }),
      cand("C", 70, [0], { education: 4, age: 30, years: 3 }),
    ];
    const r = rebid({ candidates, posts }, { adjustment: false });
    expect(r.candidates.map((c) => c.outcome)).toEqual(["ineligible", "ineligible", "placed"]);
    expect(r.candidates[0].reason).toEqual([
      {
        kind: "requirement",
        choice: 1,
        postId: "X",
        failed: [
          { requirement: "minScore", value: 55, limit: 60 },
          { requirement: "education", value: 2, limit: 3 },
          { requirement: "age", value: 45, limit: 40 },
          { requirement: "years", value: 1, limit: 2 },
        ],
      },
    ]);
    expect(renderReason(r.candidates[1].reason, "zh")).toBe("志愿1（X）：学历（未填）低于要求的本科");
    expect(r.posts[0]).toMatchObject({ quota: 2, placed: 1, vacancies: 1, cutoff: 70 });
  });

  it("adjusts unplaced candidates who accept it, best first, to the first free post they qualify for", () => {
    // X(1), Y(1, min education 本科), Z(1). Choices round: A 90 → X; B 80 (X) is outscored.
    // Adjustment by priority: B 80 accepts: Y needs 本科 (B has 大专) → Z. C 75 no choices, accepts → Y (本科).
    // D 60 accepts, but no seat is left. E 95 transfers with the function and never competes.
    const posts = [post("X", 1), post("Y", 1, { minEducation: 3 }), post("Z", 1)];
    const candidates = [
      cand("A", 90, [0]),
      cand("B", 80, [0], { acceptAdjustment: true, education: 2 }),
      cand("C", 75, [], { acceptAdjustment: true, education: 3 }),
      cand("D", 60, [0], { acceptAdjustment: true, education: 5 }),
      cand("E", 95, [0], { transfer: true }),
      cand("F", 50, []),
    ];
    const r = rebid({ candidates, posts });
    expect(placement(r)).toEqual({ A: "X", B: "Z", C: "Y", D: null, E: null, F: null });
    expect(r.candidates.map((c) => c.outcome)).toEqual([
      "placed",
      "adjusted",
      "adjusted",
      "notSelected",
      "transferred",
      "noChoices",
    ]);
    expect(r.candidates[3].reason?.at(-1)).toEqual({ kind: "adjustmentNone" });
    expect(r.candidates[5].reason).toEqual([{ kind: "noChoices" }, { kind: "adjustmentDeclined" }]);
    expect(r.candidates[4].reason).toBeNull();
    expect(r.posts.map((p) => [p.placedByChoice, p.adjusted, p.vacancies])).toEqual([
      [1, 0, 0],
      [0, 1, 0],
      [0, 1, 0],
    ]);
    expect(r.summary.counts).toEqual({
      placed: 1,
      adjusted: 2,
      notSelected: 1,
      ineligible: 0,
      noChoices: 1,
      transferred: 1,
    });
    expect(r.summary.unfilled).toBe(0);
  });

  it("ignores a post chosen twice and a post with no seats", () => {
    const posts = [post("X", 0), post("Y", 1)];
    const r = rebid({ candidates: [cand("A", 80, [1, 1, 0])], posts }, { adjustment: false });
    expect(r.candidates[0]).toMatchObject({ postId: "Y", choiceRank: 1 });
    const r2 = rebid({ candidates: [cand("A", 80, [0])], posts }, { adjustment: false });
    expect(r2.candidates[0].reason).toEqual([{ kind: "noSeats", choice: 1, postId: "X" }]);
  });

  it("reproduces the hospital-resident README example of the Python matching library", () => {
    const hospitals = Object.keys(fixture.capacities) as (keyof typeof fixture.capacities)[];
    const residents = Object.keys(fixture.residentPrefs) as (keyof typeof fixture.residentPrefs)[];
    // each hospital is its own category; its preference list becomes a score (best = highest), unlisted = 0,
    // and a minimum score of 1 makes unlisted residents unacceptable
    const candidates = residents.map((r) => ({
      id: r,
      scores: hospitals.map((h) => {
        const k = (fixture.hospitalPrefs[h] as string[]).indexOf(r);
        return k < 0 ? 0 : 100 - k;
      }),
      choices: fixture.residentPrefs[r].map((h) => hospitals.indexOf(h as (typeof hospitals)[number])),
    }));
    const posts = hospitals.map((h, j) => ({ id: h, score: j, quota: fixture.capacities[h], minScore: 1 }));
    const r = rebid({ candidates, posts, scoreNames: hospitals }, { adjustment: false });
    const got = Object.fromEntries(
      hospitals.map((h) => [
        h,
        r.candidates
          .filter((c) => c.postId === h)
          .map((c) => c.id)
          .sort(),
      ]),
    );
    const expected = Object.fromEntries(Object.entries(fixture.residentOptimal).map(([h, rs]) => [h, [...rs].sort()]));
    expect(got).toEqual(expected);
    expect(r.summary.blockingPairs).toBe(0);
  });
});
