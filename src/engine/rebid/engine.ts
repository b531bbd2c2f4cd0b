/**
 * The core of re-bidding over plain data: priorities, eligibility, the two mechanisms, the adjustment
 * round, outcomes with reasons, post fill, blocking pairs. Typed arrays throughout so that 100k candidates
 * × 2,000 posts × 10 choices runs in well under a second.
 */
import type {
  CandidateResult,
  OutcomeKind,
  PostResult,
  ReasonItem,
  RebidCandidate,
  RebidInput,
  RebidResult,
  RebidSettings,
  RequirementFailure,
  TieBreak,
  TieKind,
} from "./types";
import { DEFAULT_REBID_SETTINGS, OUTCOME_KINDS } from "./types";

/** Full settings from a partial set (arrays copied). */
export function resolveSettings(settings: Partial<RebidSettings> = {}): RebidSettings {
  const s = { ...DEFAULT_REBID_SETTINGS, ...settings } as RebidSettings;
  s.tieBreak = (settings.tieBreak ?? DEFAULT_REBID_SETTINGS.tieBreak).map((x) => ({ ...x }));
  return s;
}

function num(x: number | undefined): number {
  return x === undefined || !Number.isFinite(x) ? NaN : x;
}

/**
 * Order of candidates by the tie-break cascade alone (missing values last), then row order.
 * Returns `tieRank[i]` (0 = best), `tieOrder[rank] = i` and the signed keys. Each cascade key, from the
 * last to the first, is turned into dense ranks and sorted stably with packed integer keys (native sort).
 */
function cascadeOrder(cands: ReadonlyArray<RebidCandidate>, cascade: ReadonlyArray<TieBreak>) {
  const n = cands.length;
  const keys = cascade.map((tb) => {
    const a = new Float64Array(n);
    const sign = tb.order === "desc" ? -1 : 1;
    for (let i = 0; i < n; i++) {
      const v = num(cands[i][tb.key]);
      a[i] = Number.isNaN(v) ? Infinity : sign * v;
    }
    return a;
  });
  let order = new Int32Array(n);
  let rank = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = rank[i] = i;
  const packed = new Float64Array(n);
  const dense = new Float64Array(n);
  for (let k = keys.length - 1; k >= 0; k--) {
    const a = keys[k];
    const sorted = Float64Array.from(a).sort();
    for (let i = 0; i < n; i++) {
      // lower bound of a[i] in sorted = its dense rank (ties share it)
      let lo = 0;
      let hi = n;
      const v = a[i];
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (sorted[mid] < v) lo = mid + 1;
        else hi = mid;
      }
      dense[i] = lo;
    }
    for (let i = 0; i < n; i++) packed[i] = dense[i] * n + rank[i];
    packed.sort();
    const nextOrder = new Int32Array(n);
    for (let r = 0; r < n; r++) nextOrder[r] = order[packed[r] % n];
    order = nextOrder;
    rank = new Int32Array(n);
    for (let r = 0; r < n; r++) rank[order[r]] = r;
  }
  return { tieRank: rank, tieOrder: order, keys };
}

/**
 * Priority of every candidate on one score: composite desc, then the cascade rank. Uses a native
 * Float64Array sort of packed integer keys when the composites are exact at `decimals`, else a comparator.
 */
function priorityOrder(comp: Float64Array, tieRank: Int32Array, tieOrder: Int32Array, decimals: number) {
  const n = comp.length;
  const order = new Int32Array(n);
  const scale = Math.pow(10, Math.max(0, Math.min(6, Math.floor(decimals))));
  let packable = true;
  let maxAbs = 0;
  const ints = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = comp[i] * scale;
    const r = Math.round(v);
    if (Math.abs(v - r) > 1e-6) {
      packable = false;
      break;
    }
    ints[i] = r;
    if (Math.abs(r) > maxAbs) maxAbs = Math.abs(r);
  }
  if (packable && (maxAbs + 1) * n * 2 < Number.MAX_SAFE_INTEGER) {
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) keys[i] = -ints[i] * n + tieRank[i];
    keys.sort();
    for (let r = 0; r < n; r++) {
      const tr = ((keys[r] % n) + n) % n;
      order[r] = tieOrder[tr];
    }
  } else {
    const arr = Array.from({ length: n }, (_, i) => i);
    arr.sort((x, y) => comp[y] - comp[x] || tieRank[x] - tieRank[y]);
    order.set(arr);
  }
  const rank = new Int32Array(n);
  for (let r = 0; r < n; r++) rank[order[r]] = r;
  return { order, rank };
}

const NONE = -1;

/**
 * Re-bidding over plain data.
 *
 * - Priority on a post: its score (composite of its category) desc, then `settings.tieBreak`, then input order.
 * - Eligible: composite ≥ minScore, education ≥ minEducation, age ≤ maxAge, years ≥ minYears; a requirement
 *   whose candidate value is not given fails.
 * - `parallel`: candidate-proposing deferred acceptance with quotas (stable, candidate-optimal).
 *   `sequential`: round k admits, best first, those whose k-th choice the post is, into the seats left.
 * - Adjustment (when `settings.adjustment`): unplaced candidates who accept it, in default-score priority
 *   order, take the first post in Posts order with a free seat whose requirements they meet. Candidates
 *   with no choices who accept adjustment take part too (an HR officer expects "服从调剂" to mean "any post"),
 *   and then count as adjusted; transferred candidates never compete.
 *
 * @example
 * rebid({ posts: [{ id: "P1", score: 0, quota: 1 }],
 *   candidates: [{ id: "A", scores: [80], choices: [0] }, { id: "B", scores: [90], choices: [0] }] },
 *   DEFAULT_REBID_SETTINGS).candidates.map((c) => c.outcome) // => ["notSelected", "placed"]
 */
export function rebid(input: RebidInput, settingsIn: Partial<RebidSettings> = {}): RebidResult {
  const settings = resolveSettings(settingsIn);
  const cands = input.candidates;
  const posts = input.posts;
  const n = cands.length;
  const P = posts.length;
  let S = input.scoreNames?.length ?? 0;
  for (const p of posts) S = Math.max(S, p.score + 1);
  const defaultScore = Math.max(0, Math.min(input.defaultScore ?? 0, Math.max(0, S - 1)));
  S = Math.max(S, defaultScore + 1);

  // --- candidate data as typed arrays
  const comp: Float64Array[] = [];
  for (let s = 0; s < S; s++) {
    const a = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = cands[i].scores[s];
      a[i] = v === undefined || !Number.isFinite(v) ? 0 : v;
    }
    comp.push(a);
  }
  const edu = new Float64Array(n);
  const age = new Float64Array(n);
  const yrs = new Float64Array(n);
  const competes = new Uint8Array(n);
  const accepts = new Uint8Array(n);
  let totalChoices = 0;
  for (let i = 0; i < n; i++) totalChoices += cands[i].choices.length;
  const chStart = new Int32Array(n + 1);
  const chPost = new Int32Array(totalChoices);
  const seen = new Int32Array(P).fill(-1);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const c = cands[i];
    edu[i] = num(c.education);
    age[i] = num(c.age);
    yrs[i] = num(c.years);
    competes[i] = c.transfer ? 0 : 1;
    accepts[i] = c.acceptAdjustment ? 1 : 0;
    chStart[i] = m;
    if (competes[i]) {
      for (const p of c.choices) {
        if (p >= 0 && p < P && seen[p] !== i) {
          seen[p] = i;
          chPost[m++] = p;
        }
      }
    }
  }
  chStart[n] = m;

  // --- posts
  const quota = new Int32Array(P);
  const pScore = new Int32Array(P);
  const pMin = new Float64Array(P);
  const pEdu = new Float64Array(P);
  const pAge = new Float64Array(P);
  const pYrs = new Float64Array(P);
  for (let p = 0; p < P; p++) {
    const q = posts[p].quota;
    quota[p] = Number.isFinite(q) && q > 0 ? Math.floor(q) : 0;
    pScore[p] = posts[p].score;
    pMin[p] = num(posts[p].minScore);
    pEdu[p] = num(posts[p].minEducation);
    pAge[p] = num(posts[p].maxAge);
    pYrs[p] = num(posts[p].minYears);
  }

  const eligible = (i: number, p: number): boolean => {
    const mn = pMin[p];
    if (mn === mn && !(comp[pScore[p]][i] >= mn)) return false;
    const e = pEdu[p];
    if (e === e && !(edu[i] >= e)) return false;
    const a = pAge[p];
    if (a === a && !(age[i] <= a)) return false;
    const y = pYrs[p];
    if (y === y && !(yrs[i] >= y)) return false;
    return true;
  };

  // --- priorities
  const { tieRank, tieOrder, keys: tieKeys } = cascadeOrder(cands, settings.tieBreak);
  const usedScores = new Uint8Array(S);
  usedScores[defaultScore] = 1;
  for (let p = 0; p < P; p++) usedScores[pScore[p]] = 1;
  const rank: Int32Array[] = [];
  const order: Int32Array[] = [];
  for (let s = 0; s < S; s++) {
    if (!usedScores[s]) {
      rank.push(new Int32Array(0));
      order.push(new Int32Array(0));
      continue;
    }
    const po = priorityOrder(comp[s], tieRank, tieOrder, settings.decimals);
    rank.push(po.rank);
    order.push(po.order);
  }

  // --- assignment by choice
  const assigned = new Int32Array(n).fill(NONE);
  const assignedChoice = new Int32Array(n).fill(NONE); // index into the candidate's deduplicated list
  const placedCount = new Int32Array(P);
  const filledRound = new Int32Array(P).fill(NONE);
  const roundCutoff = new Float64Array(P).fill(NaN);
  const roundHolder = new Int32Array(P).fill(NONE);

  if (settings.mechanism === "sequential") {
    let maxLen = 0;
    for (let i = 0; i < n; i++) maxLen = Math.max(maxLen, chStart[i + 1] - chStart[i]);
    const buf = new Float64Array(n);
    for (let k = 0; k < maxLen; k++) {
      let cnt = 0;
      for (let i = 0; i < n; i++) {
        if (assigned[i] !== NONE || chStart[i] + k >= chStart[i + 1]) continue;
        const p = chPost[chStart[i] + k];
        if (quota[p] === 0 || !eligible(i, p)) continue;
        buf[cnt++] = p * n + rank[pScore[p]][i];
      }
      const keys = buf.subarray(0, cnt).sort();
      for (let j = 0; j < cnt; j++) {
        const key = keys[j];
        const p = Math.floor(key / n);
        const i = order[pScore[p]][key - p * n];
        if (placedCount[p] < quota[p]) {
          assigned[i] = p;
          assignedChoice[i] = k;
          placedCount[p]++;
          roundCutoff[p] = comp[pScore[p]][i];
          roundHolder[p] = i;
          if (placedCount[p] === quota[p]) filledRound[p] = k;
        }
      }
    }
  } else {
    // candidate-proposing deferred acceptance; per post a max-heap of held candidates by rank (worst on top)
    const hStart = new Int32Array(P + 1);
    for (let p = 0; p < P; p++) hStart[p + 1] = hStart[p] + Math.min(quota[p], n);
    const heap = new Int32Array(hStart[P]);
    const next = new Int32Array(n);
    const stack = new Int32Array(n);
    let top = 0;
    for (let i = n - 1; i >= 0; i--) {
      next[i] = chStart[i];
      if (competes[i] && chStart[i + 1] > chStart[i]) stack[top++] = i;
    }
    while (top > 0) {
      let i = stack[--top];
      while (i !== NONE) {
        const end = chStart[i + 1];
        let placedAt = NONE;
        while (next[i] < end) {
          const ci = next[i]++;
          const p = chPost[ci];
          const q = quota[p];
          if (q === 0 || !eligible(i, p)) continue;
          const rk = rank[pScore[p]];
          const base = hStart[p];
          const size = placedCount[p];
          const r = rk[i];
          if (size < q) {
            // sift up
            let pos = size;
            while (pos > 0) {
              const parent = (pos - 1) >> 1;
              const pc = heap[base + parent];
              if (rk[pc] >= r) break;
              heap[base + pos] = pc;
              pos = parent;
            }
            heap[base + pos] = i;
            placedCount[p] = size + 1;
            assigned[i] = p;
            assignedChoice[i] = ci - chStart[i];
            placedAt = p;
            i = NONE;
            break;
          }
          const worst = heap[base];
          if (r < rk[worst]) {
            // replace the worst, sift down
            let pos = 0;
            for (;;) {
              const l = 2 * pos + 1;
              if (l >= size) break;
              let c = l;
              if (l + 1 < size && rk[heap[base + l + 1]] > rk[heap[base + l]]) c = l + 1;
              if (rk[heap[base + c]] <= r) break;
              heap[base + pos] = heap[base + c];
              pos = c;
            }
            heap[base + pos] = i;
            assigned[i] = p;
            assignedChoice[i] = ci - chStart[i];
            assigned[worst] = NONE;
            assignedChoice[worst] = NONE;
            placedAt = p;
            i = worst; // the displaced candidate continues down their list
            break;
          }
        }
        if (placedAt === NONE) i = NONE;
      }
    }
  }

  // cutoffs by choice (before adjustment)
  const cutoff = new Float64Array(P).fill(NaN);
  const cutoffHolder = new Int32Array(P).fill(NONE);
  for (let i = 0; i < n; i++) {
    const p = assigned[i];
    if (p === NONE) continue;
    const holder = cutoffHolder[p];
    if (holder === NONE || rank[pScore[p]][i] > rank[pScore[p]][holder]) cutoffHolder[p] = i;
  }
  for (let p = 0; p < P; p++) if (cutoffHolder[p] !== NONE) cutoff[p] = comp[pScore[p]][cutoffHolder[p]];
  const byChoicePlaced = Int32Array.from(placedCount);

  // --- adjustment round
  const adjusted = new Uint8Array(n);
  const adjustedCount = new Int32Array(P);
  if (settings.adjustment && P > 0) {
    // next post (>= p) with a free seat, with path compression
    const nextFree = new Int32Array(P + 1);
    for (let p = 0; p <= P; p++) nextFree[p] = p;
    const find = (p: number): number => {
      let r = p;
      while (r < P && placedCount[r] >= quota[r]) r = nextFree[r] > r ? nextFree[r] : r + 1;
      let x = p;
      while (x < r) {
        const nx = nextFree[x] > x ? nextFree[x] : x + 1;
        nextFree[x] = r;
        x = nx;
      }
      return r;
    };
    const ord = order[defaultScore];
    for (let r = 0; r < n; r++) {
      const i = ord[r];
      if (!competes[i] || !accepts[i] || assigned[i] !== NONE) continue;
      for (let p = find(0); p < P; p = find(p + 1)) {
        if (eligible(i, p)) {
          assigned[i] = p;
          adjusted[i] = 1;
          placedCount[p]++;
          adjustedCount[p]++;
          break;
        }
      }
    }
  }

  // --- outcomes, reasons, ties, blocking pairs
  // worst held rank per post (for blocking pairs): -1 when a seat is free (anyone eligible blocks)
  const worstRank = new Int32Array(P).fill(-1);
  for (let i = 0; i < n; i++) {
    const p = assigned[i];
    if (p === NONE) continue;
    const rr = rank[pScore[p]][i];
    if (rr > worstRank[p]) worstRank[p] = rr;
  }
  for (let p = 0; p < P; p++) if (placedCount[p] < quota[p]) worstRank[p] = n; // free seat

  const tieOf = (a: number, b: number): TieKind => {
    for (let k = 0; k < tieKeys.length; k++) {
      const x = tieKeys[k][a];
      const y = tieKeys[k][b];
      if (x !== y) return "cascade";
    }
    return "rowOrder";
  };
  const tieFlag = new Uint8Array(n); // 0 none, 1 cascade, 2 rowOrder
  const postTie = new Uint8Array(P);
  const mark = (i: number, t: TieKind) => {
    const v = t === "rowOrder" ? 2 : t === "cascade" ? 1 : 0;
    if (v > tieFlag[i]) tieFlag[i] = v;
  };

  const counts = Object.fromEntries(OUTCOME_KINDS.map((k) => [k, 0])) as Record<OutcomeKind, number>;
  let maxChoices = 0;
  for (let i = 0; i < n; i++) maxChoices = Math.max(maxChoices, chStart[i + 1] - chStart[i]);
  const byChoice = new Array<number>(maxChoices).fill(0);
  let blockingPairs = 0;
  const results: CandidateResult[] = new Array(n);
  const seq = settings.mechanism === "sequential";

  for (let i = 0; i < n; i++) {
    const c = cands[i];
    const p0 = assigned[i];
    const start = chStart[i];
    const len = chStart[i + 1] - start;
    let outcome: OutcomeKind;
    let reason: ReasonItem[] | null = null;
    if (!competes[i]) {
      outcome = "transferred";
    } else {
      const upTo = p0 !== NONE && !adjusted[i] ? assignedChoice[i] : len;
      let anyEligible = false;
      const items: ReasonItem[] = [];
      for (let k = 0; k < upTo; k++) {
        const p = chPost[start + k];
        const postId = posts[p].id;
        const el = eligible(i, p);
        if (el && worstRank[p] > rank[pScore[p]][i]) blockingPairs++;
        if (quota[p] === 0) {
          items.push({ kind: "noSeats", choice: k + 1, postId });
          continue;
        }
        if (!el) {
          items.push({ kind: "requirement", choice: k + 1, postId, failed: failures(i, p) });
          continue;
        }
        anyEligible = true;
        const ci = comp[pScore[p]][i];
        const cut = Number.isNaN(cutoff[p]) ? null : cutoff[p];
        if (seq && filledRound[p] !== NONE && filledRound[p] < k) {
          items.push({
            kind: "filledEarlier",
            choice: k + 1,
            postId,
            composite: ci,
            cutoff: cut,
            round: filledRound[p] + 1,
          });
          continue;
        }
        const bar = seq ? (Number.isNaN(roundCutoff[p]) ? null : roundCutoff[p]) : cut;
        let tie: TieKind = "none";
        const h = seq ? roundHolder[p] : cutoffHolder[p];
        if (bar !== null && ci === bar && h !== NONE && comp[pScore[p]][h] === ci) {
          tie = tieOf(h, i);
          mark(i, tie);
          mark(h, tie);
          const v = tie === "rowOrder" ? 2 : 1;
          if (v > postTie[p]) postTie[p] = v;
        }
        items.push({ kind: "outscored", choice: k + 1, postId, composite: ci, cutoff: bar, tie });
      }
      if (p0 !== NONE && !adjusted[i]) {
        outcome = "placed";
        byChoice[assignedChoice[i]]++;
      } else if (p0 !== NONE) {
        outcome = "adjusted";
      } else if (len === 0) {
        outcome = "noChoices";
      } else {
        outcome = anyEligible ? "notSelected" : "ineligible";
      }
      if (len === 0) items.unshift({ kind: "noChoices" });
      if (p0 === NONE) {
        if (settings.adjustment && !accepts[i]) items.push({ kind: "adjustmentDeclined" });
        else if (settings.adjustment) items.push({ kind: "adjustmentNone" });
      }
      if (items.length > 0) reason = items;
    }
    counts[outcome]++;
    const s = p0 !== NONE ? pScore[p0] : defaultScore;
    results[i] = {
      index: i,
      id: c.id,
      name: c.name,
      unit: c.unit,
      row: c.row ?? i + 2,
      composite: comp[s][i],
      outcome,
      post: p0,
      postId: p0 !== NONE ? posts[p0].id : undefined,
      choiceRank: outcome === "placed" ? assignedChoice[i] + 1 : null,
      tie: "none",
      reason,
    };
  }
  const TIE_NAMES: TieKind[] = ["none", "cascade", "rowOrder"];
  let rowOrderTies = 0;
  for (let i = 0; i < n; i++) results[i].tie = TIE_NAMES[tieFlag[i]];
  const postResults: PostResult[] = posts.map((p, j) => {
    if (postTie[j] === 2) rowOrderTies++;
    return {
      index: j,
      row: p.row ?? j + 2,
      id: p.id,
      title: p.title,
      unit: p.unit,
      category: p.category,
      quota: quota[j],
      placed: placedCount[j],
      placedByChoice: byChoicePlaced[j],
      adjusted: adjustedCount[j],
      vacancies: quota[j] - placedCount[j],
      cutoff: Number.isNaN(cutoff[j]) ? null : cutoff[j],
      tieAtCutoff: TIE_NAMES[postTie[j]],
      filledInRound: seq && filledRound[j] !== NONE ? filledRound[j] + 1 : null,
    };
  });
  let totalQuota = 0;
  let totalPlaced = 0;
  for (let p = 0; p < P; p++) {
    totalQuota += quota[p];
    totalPlaced += placedCount[p];
  }

  function failures(i: number, p: number): RequirementFailure[] {
    const out: RequirementFailure[] = [];
    const val = (x: number) => (Number.isNaN(x) ? undefined : x);
    if (!Number.isNaN(pMin[p]) && !(comp[pScore[p]][i] >= pMin[p]))
      out.push({ requirement: "minScore", value: comp[pScore[p]][i], limit: pMin[p] });
    if (!Number.isNaN(pEdu[p]) && !(edu[i] >= pEdu[p]))
      out.push({ requirement: "education", value: val(edu[i]), limit: pEdu[p] });
    if (!Number.isNaN(pAge[p]) && !(age[i] <= pAge[p]))
      out.push({ requirement: "age", value: val(age[i]), limit: pAge[p] });
    if (!Number.isNaN(pYrs[p]) && !(yrs[i] >= pYrs[p]))
      out.push({ requirement: "years", value: val(yrs[i]), limit: pYrs[p] });
    return out;
  }

  const scoreNames = Array.from({ length: S }, (_, s) => input.scoreNames?.[s] ?? String(s));
  return {
    settings,
    candidates: results,
    posts: postResults,
    scoreNames,
    summary: {
      candidates: n,
      counts,
      byChoice,
      blockingPairs,
      quota: totalQuota,
      placed: totalPlaced,
      unfilled: totalQuota - totalPlaced,
      rowOrderTies,
    },
  };
}
