import fc from "fast-check";
import { rebid } from "./engine";
import type { RebidCandidate, RebidInput, RebidPost } from "./types";

/** Small random instances: ≤ 6 candidates, ≤ 3 posts, 2 categories, coarse scores so that ties happen. */
const instance: fc.Arbitrary<RebidInput> = fc
  .record({ P: fc.integer({ min: 1, max: 3 }), n: fc.integer({ min: 1, max: 6 }) })
  .chain(({ P, n }) =>
    fc.record({
      posts: fc.array(
        fc.record({
          score: fc.integer({ min: 0, max: 1 }),
          quota: fc.integer({ min: 0, max: 2 }),
          minScore: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
        }),
        { minLength: P, maxLength: P },
      ),
      candidates: fc.array(
        fc.record({
          s0: fc.integer({ min: 0, max: 4 }),
          s1: fc.integer({ min: 0, max: 4 }),
          interview: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
          choices: fc.array(fc.integer({ min: 0, max: P - 1 }), { maxLength: 3 }),
          acceptAdjustment: fc.boolean(),
        }),
        { minLength: n, maxLength: n },
      ),
      transferOne: fc.integer({ min: -3, max: n - 1 }),
    }),
  )
  .map(({ posts, candidates, transferOne }) => ({
    posts: posts.map((p, j): RebidPost => ({ id: `P${j}`, ...p })),
    candidates: candidates.map((c, i): RebidCandidate => ({
      id: `C${i}`,
      scores: [c.s0, c.s1],
      interview: c.interview,
      choices: c.choices,
      acceptAdjustment: c.acceptAdjustment,
      transfer: i === transferOne,
    })),
    scoreNames: ["a", "b"],
    defaultScore: 0,
  }));

// ---- independent reference: priorities, eligibility, stability, brute force
function better(input: RebidInput, s: number, a: number, b: number): boolean {
  const ca = input.candidates[a];
  const cb = input.candidates[b];
  if (ca.scores[s] !== cb.scores[s]) return ca.scores[s] > cb.scores[s];
  const ia = ca.interview ?? -Infinity;
  const ib = cb.interview ?? -Infinity;
  if (ia !== ib) return ia > ib;
  return a < b;
}
function eligible(input: RebidInput, i: number, p: number): boolean {
  const post = input.posts[p];
  return post.minScore === undefined || input.candidates[i].scores[post.score] >= post.minScore;
}
function lists(input: RebidInput): number[][] {
  return input.candidates.map((c) => (c.transfer ? [] : [...new Set(c.choices)]));
}
/** Blocking pairs of an assignment (post per candidate, -1 none; only posts in the candidate's list count as by choice). */
function blocking(input: RebidInput, assign: number[]): number {
  const L = lists(input);
  let count = 0;
  input.candidates.forEach((c, i) => {
    if (c.transfer) return;
    const cur = L[i].indexOf(assign[i]);
    const upTo = assign[i] >= 0 && cur >= 0 ? cur : L[i].length;
    for (let k = 0; k < upTo; k++) {
      const p = L[i][k];
      if (!eligible(input, i, p)) continue;
      const holders = assign.map((a, j) => (a === p ? j : -1)).filter((j) => j >= 0);
      if (holders.length < input.posts[p].quota) count++;
      else if (holders.some((h) => better(input, input.posts[p].score, i, h))) count++;
    }
  });
  return count;
}
/** Every stable matching by brute force: each candidate gets none or one acceptable choice, quotas kept. */
function stableMatchings(input: RebidInput): number[][] {
  const L = lists(input);
  const options = L.map((l, i) => [-1, ...l.filter((p) => eligible(input, i, p) && input.posts[p].quota > 0)]);
  const out: number[][] = [];
  const cur: number[] = [];
  const load = new Array(input.posts.length).fill(0);
  const rec = (i: number) => {
    if (i === options.length) {
      if (blocking(input, cur) === 0) out.push([...cur]);
      return;
    }
    for (const p of options[i]) {
      if (p >= 0 && load[p] >= input.posts[p].quota) continue;
      if (p >= 0) load[p]++;
      cur.push(p);
      rec(i + 1);
      cur.pop();
      if (p >= 0) load[p]--;
    }
  };
  rec(0);
  return out;
}

const byChoiceAssignment = (r: ReturnType<typeof rebid>) =>
  r.candidates.map((c) => (c.outcome === "placed" ? c.post : -1));

describe("rebid: properties", () => {
  it("never exceeds a quota, under either mechanism, with or without adjustment", () => {
    fc.assert(
      fc.property(instance, fc.constantFrom("parallel", "sequential"), fc.boolean(), (input, mechanism, adjustment) => {
        const r = rebid(input, { mechanism: mechanism as "parallel" | "sequential", adjustment });
        input.posts.forEach((p, j) => {
          const held = r.candidates.filter((c) => c.post === j).length;
          expect(held).toBe(r.posts[j].placed);
          expect(held).toBeLessThanOrEqual(p.quota);
          expect(r.posts[j].vacancies).toBe(p.quota - held);
        });
      }),
      { numRuns: 300 },
    );
  });

  it("counts blocking pairs like an independent check, and parallel has none", () => {
    fc.assert(
      fc.property(instance, fc.constantFrom("parallel", "sequential"), fc.boolean(), (input, mechanism, adjustment) => {
        const r = rebid(input, { mechanism: mechanism as "parallel" | "sequential", adjustment });
        const assign = r.candidates.map((c) => c.post);
        expect(r.summary.blockingPairs).toBe(blocking(input, assign));
        if (mechanism === "parallel") expect(r.summary.blockingPairs).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it("parallel is candidate-optimal among all stable matchings, and the unplaced are the same in all (rural hospitals)", () => {
    fc.assert(
      fc.property(instance, (input) => {
        const r = rebid(input, { adjustment: false });
        const da = byChoiceAssignment(r);
        const all = stableMatchings(input);
        const L = lists(input);
        const rankOf = (i: number, p: number) => (p < 0 ? Infinity : L[i].indexOf(p));
        expect(all.some((m) => m.every((p, i) => p === da[i]))).toBe(true);
        for (const m of all) {
          m.forEach((p, i) => expect(rankOf(i, da[i])).toBeLessThanOrEqual(rankOf(i, p)));
          expect(m.map((p) => p < 0)).toEqual(da.map((p) => p < 0));
          input.posts.forEach((_, j) => expect(m.filter((p) => p === j).length).toBe(da.filter((p) => p === j).length));
        }
      }),
      { numRuns: 300 },
    );
  });

  it("with one common score, parallel equals serial dictatorship", () => {
    fc.assert(
      fc.property(instance, (input0) => {
        const input = { ...input0, posts: input0.posts.map((p) => ({ ...p, score: 0 })) };
        const r = rebid(input, { adjustment: false });
        const L = lists(input);
        const order = input.candidates.map((_, i) => i).sort((a, b) => (better(input, 0, a, b) ? -1 : 1));
        const load = new Array(input.posts.length).fill(0);
        const sd = new Array(input.candidates.length).fill(-1);
        for (const i of order) {
          const p = L[i].find((q) => eligible(input, i, q) && load[q] < input.posts[q].quota);
          if (p !== undefined) {
            sd[i] = p;
            load[p]++;
          }
        }
        expect(byChoiceAssignment(r)).toEqual(sd);
      }),
      { numRuns: 300 },
    );
  });

  it("is deterministic", () => {
    fc.assert(
      fc.property(instance, fc.constantFrom("parallel", "sequential"), (input, mechanism) => {
        const s = { mechanism: mechanism as "parallel" | "sequential" };
        expect(rebid(input, s)).toEqual(rebid(input, s));
      }),
      { numRuns: 100 },
    );
  });

  it("adjustment only fills seats left empty by the choice rounds", () => {
    fc.assert(
      fc.property(instance, fc.constantFrom("parallel", "sequential"), (input, mechanism) => {
        const m = mechanism as "parallel" | "sequential";
        const off = rebid(input, { mechanism: m, adjustment: false });
        const on = rebid(input, { mechanism: m, adjustment: true });
        off.candidates.forEach((c, i) => {
          if (c.outcome === "placed") expect(on.candidates[i]).toMatchObject({ outcome: "placed", post: c.post });
          else expect(on.candidates[i].outcome === "placed").toBe(false);
          if (on.candidates[i].outcome === "adjusted") expect(input.candidates[i].acceptAdjustment).toBe(true);
        });
        on.posts.forEach((p, j) => {
          expect(p.placedByChoice).toBe(off.posts[j].placed);
          expect(p.adjusted).toBeLessThanOrEqual(off.posts[j].vacancies);
        });
      }),
      { numRuns: 300 },
    );
  });

  it("gives every unplaced candidate a reason, one item per choice", () => {
    fc.assert(
      fc.property(instance, fc.constantFrom("parallel", "sequential"), fc.boolean(), (input, mechanism, adjustment) => {
        const r = rebid(input, { mechanism: mechanism as "parallel" | "sequential", adjustment });
        const L = lists(input);
        r.candidates.forEach((c, i) => {
          if (c.outcome === "notSelected" || c.outcome === "ineligible" || c.outcome === "noChoices") {
            expect(c.reason !== null && c.reason.length > 0).toBe(true);
            const perChoice = (c.reason ?? []).filter((x) => "choice" in x).map((x) => ("choice" in x ? x.choice : 0));
            expect(perChoice).toEqual(L[i].map((_, k) => k + 1));
          }
          if (c.outcome === "ineligible") expect(c.reason?.every((x) => x.kind !== "outscored")).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });
});
