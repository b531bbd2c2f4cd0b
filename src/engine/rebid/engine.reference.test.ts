/**
 * The optimised engine (counting-sort priorities, rank heaps, scan-based sequential rounds, grouped
 * adjustment, lazy reasons) against a plain reference written straight from the rules: comparator sorts,
 * simultaneous-proposal deferred acceptance, post-by-post sequential rounds, a linear adjustment scan and
 * eager reasons. Every field of the result must be equal.
 */
import fc from "fast-check";
import { rebid, resolveSettings } from "./engine";
import type {
  CandidateResult,
  OutcomeKind,
  PostResult,
  ReasonItem,
  RebidCandidate,
  RebidInput,
  RebidPost,
  RebidResult,
  RebidSettings,
  RequirementFailure,
  TieBreak,
  TieKind,
} from "./types";
import { OUTCOME_KINDS } from "./types";

// ---------------------------------------------------------------- the reference

const given = (x: number | undefined): number | undefined => (x === undefined || !Number.isFinite(x) ? undefined : x);

function referenceRebid(input: RebidInput, settingsIn: Partial<RebidSettings> = {}): RebidResult {
  const settings = resolveSettings(settingsIn);
  const { candidates: cands, posts } = input;
  const n = cands.length;
  let S = input.scoreNames?.length ?? 0;
  for (const p of posts) S = Math.max(S, p.score + 1);
  const defaultScore = Math.max(0, Math.min(input.defaultScore ?? 0, Math.max(0, S - 1)));
  S = Math.max(S, defaultScore + 1);
  const comp = (i: number, s: number): number => {
    const v = cands[i].scores[s];
    return v === undefined || !Number.isFinite(v) ? 0 : v;
  };
  const quota = posts.map((p) => (Number.isFinite(p.quota) && p.quota > 0 ? Math.floor(p.quota) : 0));

  // Priorities. Composites compare as integers at `decimals` when every composite of the score is one
  // within 1e-6 (rounded composites are; then 80.0000001 ties with 80) and small enough, else exactly.
  const cascadeKey = (i: number, tb: TieBreak): number => {
    const v = given(cands[i][tb.key]);
    return v === undefined ? Infinity : (tb.order === "desc" ? -1 : 1) * v;
  };
  const cascadeCmp = (a: number, b: number): number => {
    for (const tb of settings.tieBreak) {
      const x = cascadeKey(a, tb);
      const y = cascadeKey(b, tb);
      if (x !== y) return x < y ? -1 : 1;
    }
    return a - b;
  };
  const compKey: ((i: number) => number)[] = [];
  const rank: number[][] = [];
  const order: number[][] = [];
  for (let s = 0; s < S; s++) {
    const scale = Math.pow(10, Math.max(0, Math.min(6, Math.floor(settings.decimals))));
    const all = cands.map((_, i) => comp(i, s) * scale);
    const packable =
      all.every((v) => Math.abs(v - Math.round(v)) <= 1e-6) &&
      (Math.max(0, ...all.map((v) => Math.abs(Math.round(v)))) + 1) * n * 2 < Number.MAX_SAFE_INTEGER;
    compKey.push(packable ? (i) => Math.round(comp(i, s) * scale) : (i) => comp(i, s));
    order.push(cands.map((_, i) => i).sort((a, b) => compKey[s](b) - compKey[s](a) || cascadeCmp(a, b)));
    rank.push([]);
    order[s].forEach((i, r) => (rank[s][i] = r));
  }

  const failures = (i: number, p: number): RequirementFailure[] => {
    const post = posts[p];
    const c = cands[i];
    const out: RequirementFailure[] = [];
    const ms = given(post.minScore);
    const me = given(post.minEducation);
    const ma = given(post.maxAge);
    const my = given(post.minYears);
    const score = comp(i, post.score);
    if (ms !== undefined && !(score >= ms)) out.push({ requirement: "minScore", value: score, limit: ms });
    const e = given(c.education);
    if (me !== undefined && !(e !== undefined && e >= me)) out.push({ requirement: "education", value: e, limit: me });
    const a = given(c.age);
    if (ma !== undefined && !(a !== undefined && a <= ma)) out.push({ requirement: "age", value: a, limit: ma });
    const y = given(c.years);
    if (my !== undefined && !(y !== undefined && y >= my)) out.push({ requirement: "years", value: y, limit: my });
    return out;
  };
  const eligible = (i: number, p: number) => failures(i, p).length === 0;
  const lists = cands.map((c) => {
    const out: number[] = [];
    if (!c.transfer) for (const p of c.choices) if (p >= 0 && p < posts.length && !out.includes(p)) out.push(p);
    return out;
  });
  const rankAt = (i: number, p: number) => rank[posts[p].score][i];

  // Assignment by choice.
  const seq = settings.mechanism === "sequential";
  const assigned: number[] = new Array(n).fill(-1);
  const choiceIdx: number[] = new Array(n).fill(-1);
  const filledRound: (number | null)[] = posts.map(() => null);
  const roundHolder: number[] = posts.map(() => -1);
  const holders = (p: number) => assigned.flatMap((a, i) => (a === p ? [i] : []));
  if (seq) {
    const rounds = Math.max(0, ...lists.map((l) => l.length));
    for (let k = 0; k < rounds; k++) {
      const applicants = posts.map(() => [] as number[]);
      cands.forEach((_, i) => {
        if (assigned[i] < 0 && k < lists[i].length) applicants[lists[i][k]].push(i);
      });
      applicants.forEach((list, p) => {
        const ok = list.filter((i) => quota[p] > 0 && eligible(i, p)).sort((a, b) => rankAt(a, p) - rankAt(b, p));
        for (const i of ok) {
          if (holders(p).length >= quota[p]) break;
          assigned[i] = p;
          choiceIdx[i] = k;
          roundHolder[p] = i;
          if (holders(p).length === quota[p]) filledRound[p] = k;
        }
      });
    }
  } else {
    // simultaneous proposals: every free candidate proposes to their next choice; each post keeps the best
    const next: number[] = new Array(n).fill(0);
    for (;;) {
      const proposals = posts.map(() => [] as number[]);
      let any = false;
      cands.forEach((_, i) => {
        if (assigned[i] >= 0 || cands[i].transfer) return;
        while (next[i] < lists[i].length) {
          const p = lists[i][next[i]++];
          if (quota[p] > 0 && eligible(i, p)) {
            proposals[p].push(i);
            any = true;
            break;
          }
        }
      });
      if (!any) break;
      proposals.forEach((list, p) => {
        if (list.length === 0) return;
        const pool = [...holders(p), ...list].sort((a, b) => rankAt(a, p) - rankAt(b, p));
        pool.forEach((i, k) => {
          if (k < quota[p]) {
            assigned[i] = p;
            choiceIdx[i] = next[i] - 1;
          } else {
            assigned[i] = -1;
            choiceIdx[i] = -1;
          }
        });
      });
    }
  }
  const worstHolder = (p: number) => holders(p).reduce((w, i) => (w < 0 || rankAt(i, p) > rankAt(w, p) ? i : w), -1);
  const cutoffHolder = posts.map((_, p) => worstHolder(p));
  const cutoff = cutoffHolder.map((h, p) => (h < 0 ? null : comp(h, posts[p].score)));
  const byChoicePlaced = posts.map((_, p) => holders(p).length);

  // Adjustment.
  const adjusted: boolean[] = new Array(n).fill(false);
  if (settings.adjustment) {
    for (const i of order[defaultScore]) {
      if (cands[i].transfer || !cands[i].acceptAdjustment || assigned[i] >= 0) continue;
      const p = posts.findIndex((_, q) => holders(q).length < quota[q] && eligible(i, q));
      if (p >= 0) {
        assigned[i] = p;
        adjusted[i] = true;
      }
    }
  }
  const full = posts.map((_, p) => holders(p).length >= quota[p]);

  // Outcomes, reasons, ties, blocking pairs.
  const tieOf = (h: number, i: number): TieKind =>
    settings.tieBreak.some((tb) => cascadeKey(h, tb) !== cascadeKey(i, tb)) ? "cascade" : "rowOrder";
  const tieLevel = (t: TieKind) => ["none", "cascade", "rowOrder"].indexOf(t);
  const candTie: TieKind[] = cands.map(() => "none");
  const postTie: TieKind[] = posts.map(() => "none");
  const raise = (arr: TieKind[], k: number, t: TieKind) => {
    if (tieLevel(t) > tieLevel(arr[k])) arr[k] = t;
  };
  const counts = Object.fromEntries(OUTCOME_KINDS.map((k) => [k, 0])) as Record<OutcomeKind, number>;
  const byChoice: number[] = new Array(Math.max(0, ...lists.map((l) => l.length))).fill(0);
  let blockingPairs = 0;
  const results: CandidateResult[] = cands.map((c, i) => {
    const p0 = assigned[i];
    const L = lists[i];
    let outcome: OutcomeKind;
    const items: ReasonItem[] = [];
    if (c.transfer) outcome = "transferred";
    else {
      const byChoiceNow = p0 >= 0 && !adjusted[i];
      const upTo = byChoiceNow ? choiceIdx[i] : L.length;
      let anyEligible = false;
      if (L.length === 0) items.push({ kind: "noChoices" });
      for (let k = 0; k < upTo; k++) {
        const p = L[k];
        const postId = posts[p].id;
        const el = eligible(i, p);
        // blocks: eligible, and the post has a free seat or holds someone it ranks below i
        if (el && (!full[p] || (holders(p).length > 0 && rankAt(worstHolder(p), p) > rankAt(i, p)))) blockingPairs++;
        if (quota[p] === 0) {
          items.push({ kind: "noSeats", choice: k + 1, postId });
          continue;
        }
        if (!el) {
          items.push({ kind: "requirement", choice: k + 1, postId, failed: failures(i, p) });
          continue;
        }
        anyEligible = true;
        const composite = comp(i, posts[p].score);
        const fr = filledRound[p];
        if (seq && fr !== null && fr < k) {
          items.push({ kind: "filledEarlier", choice: k + 1, postId, composite, cutoff: cutoff[p], round: fr + 1 });
          continue;
        }
        const h = seq ? roundHolder[p] : cutoffHolder[p];
        const bar = h < 0 ? null : comp(h, posts[p].score);
        let tie: TieKind = "none";
        if (bar !== null && composite === bar) {
          tie = tieOf(h, i);
          raise(candTie, i, tie);
          raise(candTie, h, tie);
          raise(postTie, p, tie);
        }
        items.push({ kind: "outscored", choice: k + 1, postId, composite, cutoff: bar, tie });
      }
      if (byChoiceNow) {
        outcome = "placed";
        byChoice[choiceIdx[i]]++;
      } else if (p0 >= 0) outcome = "adjusted";
      else if (L.length === 0) outcome = "noChoices";
      else outcome = anyEligible ? "notSelected" : "ineligible";
      if (p0 < 0 && settings.adjustment)
        items.push({ kind: c.acceptAdjustment ? "adjustmentNone" : "adjustmentDeclined" });
    }
    counts[outcome]++;
    return {
      index: i,
      id: c.id,
      name: c.name,
      unit: c.unit,
      row: c.row ?? i + 2,
      composite: comp(i, p0 >= 0 ? posts[p0].score : defaultScore),
      outcome,
      post: p0,
      postId: p0 >= 0 ? posts[p0].id : undefined,
      choiceRank: outcome === "placed" ? choiceIdx[i] + 1 : null,
      tie: "none",
      reason: items.length > 0 ? items : null,
    };
  });
  results.forEach((r, i) => (r.tie = candTie[i]));
  const postResults: PostResult[] = posts.map((p, j) => ({
    index: j,
    row: p.row ?? j + 2,
    id: p.id,
    title: p.title,
    unit: p.unit,
    category: p.category,
    quota: quota[j],
    placed: holders(j).length,
    placedByChoice: byChoicePlaced[j],
    adjusted: adjusted.filter((a, i) => a && assigned[i] === j).length,
    vacancies: quota[j] - holders(j).length,
    cutoff: cutoff[j],
    tieAtCutoff: postTie[j],
    filledInRound: seq && filledRound[j] !== null ? filledRound[j]! + 1 : null,
  }));
  const totalQuota = quota.reduce((a, b) => a + b, 0);
  const placed = postResults.reduce((a, p) => a + p.placed, 0);
  return {
    settings,
    candidates: results,
    posts: postResults,
    scoreNames: Array.from({ length: S }, (_, s) => input.scoreNames?.[s] ?? String(s)),
    summary: {
      candidates: n,
      counts,
      byChoice,
      blockingPairs,
      quota: totalQuota,
      placed,
      unfilled: totalQuota - placed,
      rowOrderTies: postTie.filter((t) => t === "rowOrder").length,
    },
  };
}

// ---------------------------------------------------------------- instances

/** The value, or undefined about one time in `freq`. */
const maybe = <T>(arb: fc.Arbitrary<T>, freq = 3) => fc.option(arb, { nil: undefined, freq });
/** Undefined, or the value about one time in five. */
const rarely = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: 4 }, { arbitrary: arb, weight: 1 });

/** Scores of a few kinds: coarse integers (ties), two decimals, fractions of 1/8, and awkward values. */
const scoreValue = fc.oneof(
  fc.integer({ min: 0, max: 5 }),
  fc.integer({ min: 4000, max: 4050 }).map((x) => x / 100),
  fc.integer({ min: 0, max: 40 }).map((x) => x / 8),
  fc.constantFrom(0.1 + 0.2, -0, 2.0000001, 1e12, NaN, Infinity),
);

const tieBreaks: fc.Arbitrary<TieBreak[] | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.array(
    fc.record({
      key: fc.constantFrom("interview", "written", "peerReview", "appraisal", "years", "age", "education"),
      order: fc.constantFrom("asc", "desc"),
    }) as fc.Arbitrary<TieBreak>,
    { maxLength: 4 },
  ),
);

function instance(maxPosts: number, maxCands: number, distinctMinScores = false): fc.Arbitrary<RebidInput> {
  return fc
    .record({ P: fc.integer({ min: 1, max: maxPosts }), n: fc.integer({ min: 0, max: maxCands }) })
    .chain(({ P, n }) =>
      fc.record({
        S: fc.integer({ min: 1, max: 3 }),
        defaultScore: fc.integer({ min: 0, max: 2 }),
        posts: fc.array(
          fc.record({
            score: fc.integer({ min: 0, max: 2 }),
            quota: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constantFrom(1.5, -1, NaN)),
            minScore: maybe(fc.integer({ min: 1, max: 4 })),
            minEducation: rarely(fc.integer({ min: 1, max: 5 })),
            maxAge: rarely(fc.integer({ min: 30, max: 50 })),
            minYears: rarely(fc.integer({ min: 0, max: 10 })),
          }),
          { minLength: P, maxLength: P },
        ),
        candidates: fc.array(
          fc.record({
            scores: fc.array(scoreValue, { minLength: 3, maxLength: 3 }),
            interview: maybe(
              fc.integer({ min: 0, max: 3 }).map((x) => x / 2),
              4,
            ),
            written: maybe(scoreValue, 2),
            peerReview: maybe(fc.integer({ min: 0, max: 2 }), 2),
            appraisal: maybe(fc.integer({ min: 0, max: 1 }), 4),
            years: maybe(fc.integer({ min: 0, max: 3 }), 4),
            age: maybe(fc.integer({ min: 25, max: 55 }), 4),
            education: maybe(fc.integer({ min: 1, max: 5 }), 4),
            choices: fc.array(fc.integer({ min: -1, max: P }), { maxLength: 5 }),
            acceptAdjustment: fc.boolean(),
            transfer: fc.boolean(),
          }),
          { minLength: n, maxLength: n },
        ),
      }),
    )
    .map(({ S, defaultScore, posts, candidates }) => ({
      posts: posts.map((p, j): RebidPost => ({
        id: `P${j}`,
        ...p,
        score: p.score % S,
        minScore: distinctMinScores ? j / 100 : p.minScore,
      })),
      candidates: candidates.map((c, i): RebidCandidate => ({
        id: `C${i}`,
        ...c,
        scores: c.scores.slice(0, S),
        transfer: c.transfer && i % 3 === 0,
      })),
      scoreNames: S > 1 ? Array.from({ length: S }, (_, s) => `s${s}`) : undefined,
      defaultScore: defaultScore % S,
    }));
}

const settingsArb: fc.Arbitrary<Partial<RebidSettings>> = fc
  .record({
    mechanism: fc.constantFrom("parallel", "sequential"),
    adjustment: fc.boolean(),
    decimals: fc.constantFrom(0, 1, 2, 7),
    tieBreak: tieBreaks,
  })
  .map((s) => {
    const out: Partial<RebidSettings> = { ...s };
    if (s.tieBreak === undefined) delete out.tieBreak;
    return out;
  });

// ---------------------------------------------------------------- properties

describe("rebid: the optimised engine equals the reference", () => {
  it("on small instances with ties, requirements, transfers, duplicates and odd values", () => {
    fc.assert(
      fc.property(instance(5, 14), settingsArb, (input, settings) => {
        expect(rebid(input, settings)).toEqual(referenceRebid(input, settings));
      }),
      { numRuns: 600 },
    );
  });

  it("with many posts of distinct requirements (the adjustment round scans instead of grouping)", () => {
    fc.assert(
      fc.property(instance(90, 30, true), settingsArb, (input, settings) => {
        expect(rebid(input, settings)).toEqual(referenceRebid(input, settings));
      }),
      { numRuns: 60 },
    );
  });

  it("on a mid-sized instance", () => {
    fc.assert(
      fc.property(instance(12, 150), settingsArb, (input, settings) => {
        expect(rebid(input, settings)).toEqual(referenceRebid(input, settings));
      }),
      { numRuns: 40 },
    );
  });
});

describe("rebid: lazy reasons look like plain fields", () => {
  const input: RebidInput = {
    posts: [{ id: "X", score: 0, quota: 1 }],
    candidates: [
      { id: "A", scores: [90], choices: [0] },
      { id: "B", scores: [80], choices: [0], acceptAdjustment: true },
    ],
  };

  it("is an own enumerable field: keys, JSON, spreads and equality see it", () => {
    const r = rebid(input);
    const b = r.candidates[1];
    const expected = [
      { kind: "outscored", choice: 1, postId: "X", composite: 80, cutoff: 90, tie: "none" },
      { kind: "adjustmentNone" },
    ];
    expect(Object.keys(b)).toEqual([
      "index",
      "id",
      "name",
      "unit",
      "row",
      "composite",
      "outcome",
      "post",
      "postId",
      "choiceRank",
      "tie",
      "reason",
    ]);
    expect(JSON.parse(JSON.stringify(b)).reason).toEqual(expected);
    expect({ ...b }.reason).toEqual(expected);
    expect(b).toEqual({ ...b });
    expect(Object.getPrototypeOf(b)).toBe(Object.prototype);
    expect(b.reason).toBe(b.reason); // built once
    expect(r.candidates[0].reason).toBeNull();
  });

  it("can be assigned like a plain field", () => {
    const r = rebid(input);
    r.candidates[1].reason = null;
    expect(r.candidates[1].reason).toBeNull();
    expect(Object.keys(r.candidates[1])).toContain("reason");
    expect(JSON.parse(JSON.stringify(r.candidates[1])).reason).toBeNull();
  });
});
