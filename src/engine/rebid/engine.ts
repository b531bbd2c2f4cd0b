/**
 * The core of re-bidding over plain data: priorities, eligibility, the two mechanisms, the adjustment
 * round, outcomes with reasons, post fill, blocking pairs.
 *
 * Built for 100k candidates × 2,000 posts × 10 choices: choices in CSR form (Int32Array) with their
 * eligibility checked once; priorities as order/rank arrays computed once per score category by stable
 * counting sorts (no comparator sorts); deferred acceptance on per-post bounded max-heaps of ranks; the
 * sequential rounds by bucketing each round's applications per score; the adjustment round by requirement
 * groups; each phase a top-level function (optimised once, reused across calls). Objects are allocated
 * only for the result, and reasons are built when first read (see `lazyResults`).
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
  TieKey,
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

/** A cascade key: sign × value, +Infinity when missing (last whatever the order). */
function tieValue(x: number | undefined, sign: number): number {
  return x === undefined || !Number.isFinite(x) ? Infinity : sign * x;
}

const EXACT_SCALES = [1, 10, 100, 1000, 10000];

/**
 * Order-preserving integer codes of `key` (no NaN; +Infinity allowed) into `out`: equal doubles share a
 * code (−0 = 0), and a < b ⇔ code(a) < code(b). Returns the number of codes R (codes are 0..R−1).
 * Fast path: code = round(x × scale) − min for the first small scale at which no two different values
 * share a code (checked) and the range is small; round(x × scale) is monotone in x, so this keeps the
 * order. Otherwise the dense rank among the sorted distinct values.
 */
function integerCodes(key: Float64Array, out: Int32Array): number {
  const n = key.length;
  const limit = 4 * n + 4096;
  let rep: Float64Array | null = null;
  for (const scale of EXACT_SCALES) {
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < n; i++) {
      const x = key[i];
      if (x === Infinity) continue;
      const y = Math.round(x * scale);
      if (y < min) min = y;
      if (y > max) max = y;
    }
    if (min > max) {
      out.fill(0); // all +Infinity (or empty)
      return 1;
    }
    if (!(max - min <= limit)) break; // also non-finite
    const inf = max - min + 1;
    if (rep === null || rep.length < inf) rep = new Float64Array(inf + 1);
    rep.fill(NaN, 0, inf);
    let exact = true;
    for (let i = 0; i < n; i++) {
      const x = key[i];
      if (x === Infinity) {
        out[i] = inf;
        continue;
      }
      const c = Math.round(x * scale) - min;
      const r = rep[c];
      if (r !== x) {
        if (r === r) {
          exact = false; // two different values share the code
          break;
        }
        rep[c] = x;
      }
      out[i] = c;
    }
    if (exact) return inf + 1;
  }
  // general case: dense rank by binary search among the sorted distinct values
  const sorted = Float64Array.from(key).sort();
  let d = 0;
  for (let j = 0; j < n; j++) if (d === 0 || sorted[j] !== sorted[d - 1]) sorted[d++] = sorted[j];
  for (let i = 0; i < n; i++) {
    const v = key[i];
    let lo = 0;
    let hi = d;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    out[i] = lo;
  }
  return Math.max(1, d);
}

/**
 * Stable reorder of the permutation `order` by `key` ascending: a counting sort over the integer codes.
 * `codes` is scratch of length n. Returns a new permutation.
 */
function stableSortBy(order: Int32Array, key: Float64Array, codes: Int32Array): Int32Array {
  const n = order.length;
  const R = integerCodes(key, codes);
  const pos = new Int32Array(R + 1);
  for (let i = 0; i < n; i++) pos[codes[i] + 1]++;
  for (let r = 1; r <= R; r++) pos[r] += pos[r - 1];
  const out = new Int32Array(n);
  for (let j = 0; j < n; j++) {
    const i = order[j];
    out[pos[codes[i]]++] = i;
  }
  return out;
}

/**
 * Order of candidates by the tie-break cascade alone, then row order: stable counting sorts from the last
 * key to the first. `keys` are the signed cascade values (missing = +Infinity). Returns `tieOrder[rank] = i`.
 */
function cascadeOrder(n: number, keys: ReadonlyArray<Float64Array>, codes: Int32Array): Int32Array {
  let order: Int32Array = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let k = keys.length - 1; k >= 0; k--) order = stableSortBy(order, keys[k], codes);
  return order;
}

/**
 * Priority of every candidate on one score: composite desc, then the cascade order. When every composite
 * is an integer at `decimals` (within 1e-6, as rounded composites are), composites compare by that
 * integer; otherwise exactly.
 */
function priorityOrder(comp: Float64Array, tieOrder: Int32Array, decimals: number, codes: Int32Array) {
  const n = comp.length;
  const scale = Math.pow(10, Math.max(0, Math.min(6, Math.floor(decimals))));
  let packable = Number.isFinite(scale);
  let maxAbs = 0;
  const key = new Float64Array(n);
  for (let i = 0; packable && i < n; i++) {
    const v = comp[i] * scale;
    const r = Math.round(v);
    if (Math.abs(v - r) > 1e-6) packable = false;
    key[i] = -r;
    if (Math.abs(r) > maxAbs) maxAbs = Math.abs(r);
  }
  if (!(packable && (maxAbs + 1) * n * 2 < Number.MAX_SAFE_INTEGER)) for (let i = 0; i < n; i++) key[i] = -comp[i];
  const order = stableSortBy(tieOrder, key, codes);
  const rank = new Int32Array(n);
  for (let r = 0; r < n; r++) rank[order[r]] = r;
  return { order, rank };
}

const NONE = -1;
/** Above this many distinct requirement sets among posts with a free seat, the adjustment round scans posts. */
const MAX_GROUPS = 64;
const TIE_KEYS: ReadonlyArray<TieKey> = [
  "interview",
  "written",
  "peerReview",
  "appraisal",
  "years",
  "age",
  "education",
];
const TIE_NAMES: TieKind[] = ["none", "cascade", "rowOrder"];

/**
 * The whole run as typed arrays, shared by the phases (each phase a top-level function, so that it is
 * optimised once and reused across calls).
 */
interface Run {
  n: number;
  P: number;
  S: number;
  defaultScore: number;
  seq: boolean;
  /** Composite per score (NaN/missing = 0), then education, age, years (NaN when not given). */
  comp: Float64Array[];
  edu: Float64Array;
  age: Float64Array;
  yrs: Float64Array;
  competes: Uint8Array;
  accepts: Uint8Array;
  /** Signed cascade keys (missing = +Infinity), in cascade order. */
  tieKeys: Float64Array[];
  /** Choices in CSR form: candidate i's deduplicated posts are chPost[chStart[i] .. chStart[i + 1]). */
  chStart: Int32Array;
  chPost: Int32Array;
  /** 1 when the candidate meets the chosen post's requirements. */
  chOk: Uint8Array;
  /** Posts: quota, score, requirements (NaN when not set). */
  quota: Int32Array;
  pScore: Int32Array;
  pMin: Float64Array;
  pEdu: Float64Array;
  pAge: Float64Array;
  pYrs: Float64Array;
  /** Per used score: order[s][r] = candidate of rank r; rank[s][i]. */
  order: Int32Array[];
  rank: Int32Array[];
  /** Assignment: post (−1 none), index of the choice placed by (−1 none or adjusted). */
  assigned: Int32Array;
  assignedChoice: Int32Array;
  adjusted: Uint8Array;
  placedCount: Int32Array;
  adjustedCount: Int32Array;
  /** Sequential: round (0-based) a post filled; composite and holder of the last admission. */
  filledRound: Int32Array;
  roundCutoff: Float64Array;
  roundHolder: Int32Array;
  /** Worst rank held per post (−1 none): by choice, then with the adjusted, then n where a seat is free. */
  worstRank: Int32Array;
  cutoff: Float64Array;
  cutoffHolder: Int32Array;
}

function isEligible(R: Run, i: number, p: number): boolean {
  const mn = R.pMin[p];
  if (mn === mn && !(R.comp[R.pScore[p]][i] >= mn)) return false;
  const e = R.pEdu[p];
  if (e === e && !(R.edu[i] >= e)) return false;
  const a = R.pAge[p];
  if (a === a && !(R.age[i] <= a)) return false;
  const y = R.pYrs[p];
  if (y === y && !(R.yrs[i] >= y)) return false;
  return true;
}

/** The requirements candidate i fails at post p, as an exact-size array (`buf` is scratch). */
function failures(R: Run, i: number, p: number, buf: RequirementFailure[]): RequirementFailure[] {
  let k = 0;
  const ci = R.comp[R.pScore[p]][i];
  const mn = R.pMin[p];
  if (mn === mn && !(ci >= mn)) buf[k++] = { requirement: "minScore", value: ci, limit: mn };
  const e = R.pEdu[p];
  const ev = R.edu[i];
  if (e === e && !(ev >= e)) buf[k++] = { requirement: "education", value: ev === ev ? ev : undefined, limit: e };
  const a = R.pAge[p];
  const av = R.age[i];
  if (a === a && !(av <= a)) buf[k++] = { requirement: "age", value: av === av ? av : undefined, limit: a };
  const y = R.pYrs[p];
  const yv = R.yrs[i];
  if (y === y && !(yv >= y)) buf[k++] = { requirement: "years", value: yv === yv ? yv : undefined, limit: y };
  const out = buf.slice(0, k);
  buf.fill(undefined as unknown as RequirementFailure, 0, k);
  return out;
}

/** Candidates → typed arrays: composites, requirement values, cascade keys, choices in CSR form. */
function readCandidates(
  cands: ReadonlyArray<RebidCandidate>,
  posts: Pick<Run, "P" | "pScore" | "pMin" | "pEdu" | "pAge" | "pYrs">,
  S: number,
  cascade: ReadonlyArray<TieBreak>,
): Pick<Run, "comp" | "edu" | "age" | "yrs" | "competes" | "accepts" | "tieKeys" | "chStart" | "chPost" | "chOk"> {
  const { P, pScore, pMin, pEdu, pAge, pYrs } = posts;
  const hasReq = new Uint8Array(P);
  for (let p = 0; p < P; p++) {
    hasReq[p] = pMin[p] === pMin[p] || pEdu[p] === pEdu[p] || pAge[p] === pAge[p] || pYrs[p] === pYrs[p] ? 1 : 0;
  }
  const n = cands.length;
  const comp: Float64Array[] = [];
  for (let s = 0; s < S; s++) comp.push(new Float64Array(n));
  const edu = new Float64Array(n);
  const age = new Float64Array(n);
  const yrs = new Float64Array(n);
  const competes = new Uint8Array(n);
  const accepts = new Uint8Array(n);
  // cascade keys: sign × value, missing = +Infinity (last whatever the order)
  const tieKeys: Float64Array[] = cascade.map(() => new Float64Array(n));
  const keyOf = (key: TieKey): Float64Array | null => {
    const k = cascade.findIndex((tb) => tb.key === key);
    return k < 0 ? null : tieKeys[k];
  };
  const signOf = (key: TieKey): number => (cascade.find((tb) => tb.key === key)?.order === "desc" ? -1 : 1);
  const kInterview = keyOf("interview");
  const kWritten = keyOf("written");
  const kPeer = keyOf("peerReview");
  const kAppraisal = keyOf("appraisal");
  const kYears = keyOf("years");
  const kAge = keyOf("age");
  const kEdu = keyOf("education");
  const sInterview = signOf("interview");
  const sWritten = signOf("written");
  const sPeer = signOf("peerReview");
  const sAppraisal = signOf("appraisal");
  const sYears = signOf("years");
  const sAge = signOf("age");
  const sEdu = signOf("education");
  const chStart = new Int32Array(n + 1);
  let total = 0;
  for (let i = 0; i < n; i++) total += cands[i].choices.length;
  const chPost = new Int32Array(total);
  const chOk = new Uint8Array(total);
  const seen = new Int32Array(P).fill(-1);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const c = cands[i];
    const sc = c.scores;
    for (let s = 0; s < S; s++) {
      const v = sc[s];
      comp[s][i] = v === undefined || !Number.isFinite(v) ? 0 : v;
    }
    const e = num(c.education);
    const a = num(c.age);
    const y = num(c.years);
    edu[i] = e;
    age[i] = a;
    yrs[i] = y;
    if (kInterview) kInterview[i] = tieValue(c.interview, sInterview);
    if (kWritten) kWritten[i] = tieValue(c.written, sWritten);
    if (kPeer) kPeer[i] = tieValue(c.peerReview, sPeer);
    if (kAppraisal) kAppraisal[i] = tieValue(c.appraisal, sAppraisal);
    if (kYears) kYears[i] = Number.isNaN(y) ? Infinity : sYears * y;
    if (kAge) kAge[i] = Number.isNaN(a) ? Infinity : sAge * a;
    if (kEdu) kEdu[i] = Number.isNaN(e) ? Infinity : sEdu * e;
    const competing = !c.transfer;
    competes[i] = competing ? 1 : 0;
    accepts[i] = c.acceptAdjustment ? 1 : 0;
    chStart[i] = m;
    if (competing) {
      const ch = c.choices;
      const len = ch.length;
      for (let k = 0; k < len; k++) {
        const p = ch[k];
        if (p >= 0 && p < P && seen[p] !== i) {
          seen[p] = i;
          let ok = 1;
          if (hasReq[p]) {
            const mn = pMin[p];
            const pe = pEdu[p];
            const pa = pAge[p];
            const py = pYrs[p];
            if (
              (mn === mn && !(comp[pScore[p]][i] >= mn)) ||
              (pe === pe && !(e >= pe)) ||
              (pa === pa && !(a <= pa)) ||
              (py === py && !(y >= py))
            )
              ok = 0;
          }
          chOk[m] = ok;
          chPost[m++] = p;
        }
      }
    }
  }
  chStart[n] = m;
  // a key repeated in the cascade reuses its first column; a key the engine does not know is missing for all
  cascade.forEach((tb, k) => {
    const first = cascade.findIndex((x) => x.key === tb.key);
    const a = tieKeys[k];
    if (!TIE_KEYS.includes(tb.key)) a.fill(Infinity);
    else if (first !== k) {
      const f = tieKeys[first];
      const flip = (tb.order === "desc" ? -1 : 1) !== signOf(tb.key);
      for (let i = 0; i < n; i++) a[i] = flip && f[i] !== Infinity ? -f[i] : f[i];
    }
  });
  return {
    comp,
    edu,
    age,
    yrs,
    competes,
    accepts,
    tieKeys,
    chStart,
    chPost: chPost.subarray(0, m),
    chOk: chOk.subarray(0, m),
  };
}

/**
 * Candidate-proposing deferred acceptance. Per post a max-heap of the ranks held (worst on top), sized by
 * the quota; a stack of free candidates; a next-choice pointer per candidate.
 */
function deferredAcceptance(R: Run): void {
  const { n, P, chStart, chPost, chOk, quota, pScore, order, rank, competes, assigned, assignedChoice, placedCount } =
    R;
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
      let ci = next[i];
      let displaced = NONE;
      for (; ci < end; ci++) {
        if (!chOk[ci]) continue;
        const p = chPost[ci];
        const q = quota[p];
        if (q === 0) continue;
        const r = rank[pScore[p]][i];
        const base = hStart[p];
        const size = placedCount[p];
        if (size < q) {
          let pos = size;
          while (pos > 0) {
            const parent = (pos - 1) >> 1;
            const pr = heap[base + parent];
            if (pr >= r) break;
            heap[base + pos] = pr;
            pos = parent;
          }
          heap[base + pos] = r;
          placedCount[p] = size + 1;
          assigned[i] = p;
          assignedChoice[i] = ci - chStart[i];
          break;
        }
        const worstR = heap[base];
        if (r < worstR) {
          let pos = 0;
          for (;;) {
            const l = 2 * pos + 1;
            if (l >= size) break;
            let c = l;
            let cr = heap[base + l];
            if (l + 1 < size) {
              const rr = heap[base + l + 1];
              if (rr > cr) {
                c = l + 1;
                cr = rr;
              }
            }
            if (cr <= r) break;
            heap[base + pos] = cr;
            pos = c;
          }
          heap[base + pos] = r;
          assigned[i] = p;
          assignedChoice[i] = ci - chStart[i];
          displaced = order[pScore[p]][worstR];
          assigned[displaced] = NONE;
          assignedChoice[displaced] = NONE;
          break;
        }
      }
      next[i] = ci < end ? ci + 1 : end;
      i = displaced; // the displaced candidate continues down their list
    }
  }
}

/**
 * Sequential (Boston): in round k every unplaced candidate applies to their k-th choice; per post,
 * applicants are admitted best first into the seats left. Posts are independent within a round, so each
 * score's applicants are marked at their rank and admitted in one scan of that score's order.
 */
function sequentialRounds(R: Run): void {
  const { n, S, chStart, chPost, chOk, quota, pScore, order, rank, comp, assigned, assignedChoice, placedCount } = R;
  const { filledRound, roundCutoff, roundHolder } = R;
  let maxLen = 0;
  for (let i = 0; i < n; i++) maxLen = Math.max(maxLen, chStart[i + 1] - chStart[i]);
  const active = new Int32Array(n);
  let na = 0;
  for (let i = 0; i < n; i++) if (chStart[i + 1] > chStart[i]) active[na++] = i;
  const slot = new Int32Array(n).fill(NONE); // post applied to, at the applicant's rank
  const segStart = new Int32Array(S + 1); // applicants of the round, grouped by score
  const appRank = new Int32Array(n);
  const appPost = new Int32Array(n);
  for (let k = 0; k < maxLen && na > 0; k++) {
    // keep those with a k-th choice; count the admissible applications per score
    segStart.fill(0);
    let next = 0;
    for (let j = 0; j < na; j++) {
      const i = active[j];
      const ci = chStart[i] + k;
      if (ci >= chStart[i + 1]) continue;
      active[next++] = i;
      const p = chPost[ci];
      if (quota[p] === 0 || !chOk[ci]) continue;
      segStart[pScore[p] + 1]++;
    }
    na = next;
    for (let s = 0; s < S; s++) segStart[s + 1] += segStart[s];
    const fill = Int32Array.from(segStart);
    for (let j = 0; j < na; j++) {
      const i = active[j];
      const ci = chStart[i] + k;
      const p = chPost[ci];
      if (quota[p] === 0 || !chOk[ci]) continue;
      const r = rank[pScore[p]][i];
      const at = fill[pScore[p]]++;
      appRank[at] = r;
      appPost[at] = p;
    }
    for (let s = 0; s < S; s++) {
      const from = segStart[s];
      const to = segStart[s + 1];
      if (from === to) continue;
      const ord = order[s];
      let lo = n;
      let hi = -1;
      for (let j = from; j < to; j++) {
        const r = appRank[j];
        slot[r] = appPost[j];
        if (r < lo) lo = r;
        if (r > hi) hi = r;
      }
      // admit best first: scan the ranks, or sort the few applicants' ranks
      const cnt = to - from;
      const sorted = cnt * 24 < hi - lo ? appRank.subarray(from, to).sort() : null;
      const steps = sorted ? cnt : hi - lo + 1;
      for (let t = 0; t < steps; t++) {
        const r = sorted ? sorted[t] : lo + t;
        const p = slot[r];
        if (p === NONE) continue;
        slot[r] = NONE;
        if (placedCount[p] >= quota[p]) continue;
        const i = ord[r];
        assigned[i] = p;
        assignedChoice[i] = k;
        placedCount[p]++;
        roundHolder[p] = i;
        if (placedCount[p] === quota[p]) filledRound[p] = k;
      }
    }
    // drop the placed
    next = 0;
    for (let j = 0; j < na; j++) if (assigned[active[j]] === NONE) active[next++] = active[j];
    na = next;
  }
  // the last admitted holder of each post sets its round cutoff
  for (let p = 0; p < R.P; p++) if (roundHolder[p] !== NONE) roundCutoff[p] = comp[pScore[p]][roundHolder[p]];
}

/** Cutoffs by choice (before adjustment): the worst rank placed by choice, its holder and composite. */
function cutoffs(R: Run): void {
  const { n, P, assigned, worstRank, cutoff, cutoffHolder, order, rank, pScore, comp } = R;
  for (let i = 0; i < n; i++) {
    const p = assigned[i];
    if (p === NONE) continue;
    const r = rank[pScore[p]][i];
    if (r > worstRank[p]) worstRank[p] = r;
  }
  for (let p = 0; p < P; p++) {
    if (worstRank[p] < 0) continue;
    const h = order[pScore[p]][worstRank[p]];
    cutoffHolder[p] = h;
    cutoff[p] = comp[pScore[p]][h];
  }
}

function adjust(R: Run, i: number, p: number): void {
  R.assigned[i] = p;
  R.adjusted[i] = 1;
  R.placedCount[p]++;
  R.adjustedCount[p]++;
  const rr = R.rank[R.pScore[p]][i];
  if (rr > R.worstRank[p]) R.worstRank[p] = rr;
}

/**
 * The adjustment round: unplaced candidates who accept it, in default-score priority order, take the first
 * post in Posts order with a free seat whose requirements they meet. Posts with a free seat are grouped by
 * their requirements: a candidate is checked once per group, and each group points at its first post with
 * a seat left (seats only fill). With many distinct groups, the free posts are scanned instead.
 */
function adjustmentRound(R: Run): void {
  const { n, P, quota, placedCount, pScore, pMin, pEdu, pAge, pYrs, competes, accepts, assigned } = R;
  const groupOf = new Map<string, number>();
  const gRep: number[] = []; // a post of the group: its requirements
  const gOfPost = new Int32Array(P).fill(NONE);
  for (let p = 0; p < P && groupOf.size <= MAX_GROUPS; p++) {
    if (placedCount[p] >= quota[p]) continue;
    const key = `${pScore[p]}|${pMin[p]}|${pEdu[p]}|${pAge[p]}|${pYrs[p]}`;
    let g = groupOf.get(key);
    if (g === undefined) {
      g = gRep.length;
      groupOf.set(key, g);
      gRep.push(p);
    }
    gOfPost[p] = g;
  }
  const G = gRep.length;
  const ord = R.order[R.defaultScore];
  if (G <= MAX_GROUPS) {
    // posts of each group in Posts order
    const gStart = new Int32Array(G + 1);
    for (let p = 0; p < P; p++) if (gOfPost[p] !== NONE) gStart[gOfPost[p] + 1]++;
    for (let g = 0; g < G; g++) gStart[g + 1] += gStart[g];
    const gPosts = new Int32Array(gStart[G]);
    const gPtr = Int32Array.from(gStart.subarray(0, G));
    for (let p = 0; p < P; p++) if (gOfPost[p] !== NONE) gPosts[gPtr[gOfPost[p]]++] = p;
    gPtr.set(gStart.subarray(0, G));
    for (let r = 0; r < n; r++) {
      const i = ord[r];
      if (!competes[i] || !accepts[i] || assigned[i] !== NONE) continue;
      let best = P;
      for (let g = 0; g < G; g++) {
        let k = gPtr[g];
        const end = gStart[g + 1];
        while (k < end && placedCount[gPosts[k]] >= quota[gPosts[k]]) k++;
        gPtr[g] = k;
        if (k < end && gPosts[k] < best && isEligible(R, i, gRep[g])) best = gPosts[k];
      }
      if (best < P) adjust(R, i, best);
    }
    return;
  }
  // next post (>= p) with a free seat, with path compression
  const nextFree = new Int32Array(P + 1);
  for (let p = 0; p <= P; p++) nextFree[p] = p;
  for (let r = 0; r < n; r++) {
    const i = ord[r];
    if (!competes[i] || !accepts[i] || assigned[i] !== NONE) continue;
    for (let p = findFree(R, nextFree, 0); p < P; p = findFree(R, nextFree, p + 1)) {
      if (isEligible(R, i, p)) {
        adjust(R, i, p);
        break;
      }
    }
  }
}

/** The first post ≥ p with a free seat (P if none), compressing the path of full posts. */
function findFree(R: Run, nextFree: Int32Array, p: number): number {
  const { P, placedCount, quota } = R;
  let r = p;
  while (r < P && placedCount[r] >= quota[r]) r = nextFree[r] > r ? nextFree[r] : r + 1;
  let x = p;
  while (x < r) {
    const nx = nextFree[x] > x ? nextFree[x] : x + 1;
    nextFree[x] = r;
    x = nx;
  }
  return r;
}

interface OutcomeTotals {
  counts: Record<OutcomeKind, number>;
  byChoice: number[];
  blockingPairs: number;
  postTie: Uint8Array;
}

/** What a candidate's reason is built from, after the run (see `reasonOf`). */
interface ReasonContext {
  R: Run;
  postIds: ReadonlyArray<string>;
  adjustment: boolean;
  /** Reasons built so far, by candidate (each built once, so that reads return the same array). */
  built: (ReasonItem[] | undefined)[];
}

/** 0 = none, 1 = cascade, 2 = row order: how the tie between holder h and candidate i was decided. */
function tieCode(tieKeys: ReadonlyArray<Float64Array>, h: number, i: number): number {
  for (let t = 0; t < tieKeys.length; t++) if (tieKeys[t][h] !== tieKeys[t][i]) return 1;
  return 2;
}

/**
 * Candidate i's reason: one item per choice before the one placed by (all of them when not placed by
 * choice), `noChoices` first when there are none, and how the adjustment went when not placed; null when
 * there is nothing to say (placed by choice 1, transferred).
 */
function reasonOf(ctx: ReasonContext, i: number): ReasonItem[] | null {
  const cached = ctx.built[i];
  if (cached !== undefined) return cached;
  const { R, postIds } = ctx;
  const { seq, chStart, chPost, chOk, quota, pScore, comp, accepts, tieKeys, assigned, assignedChoice } = R;
  const { adjusted, filledRound, roundCutoff, roundHolder, cutoff, cutoffHolder } = R;
  if (!R.competes[i]) return null;
  const p0 = assigned[i];
  const start = chStart[i];
  const len = chStart[i + 1] - start;
  const upTo = p0 !== NONE && !adjusted[i] ? assignedChoice[i] : len;
  const items: ReasonItem[] = [];
  if (len === 0) items.push({ kind: "noChoices" });
  const failBuf: RequirementFailure[] = [];
  for (let k = 0; k < upTo; k++) {
    const ci = start + k;
    const p = chPost[ci];
    const postId = postIds[p];
    if (quota[p] === 0) {
      items.push({ kind: "noSeats", choice: k + 1, postId });
      continue;
    }
    if (!chOk[ci]) {
      items.push({ kind: "requirement", choice: k + 1, postId, failed: failures(R, i, p, failBuf) });
      continue;
    }
    const cs = comp[pScore[p]];
    const cv = cs[i];
    const cut = Number.isNaN(cutoff[p]) ? null : cutoff[p];
    if (seq && filledRound[p] !== NONE && filledRound[p] < k) {
      items.push({
        kind: "filledEarlier",
        choice: k + 1,
        postId,
        composite: cv,
        cutoff: cut,
        round: filledRound[p] + 1,
      });
      continue;
    }
    const bar = seq ? (Number.isNaN(roundCutoff[p]) ? null : roundCutoff[p]) : cut;
    const h = seq ? roundHolder[p] : cutoffHolder[p];
    const tie = bar !== null && cv === bar && h !== NONE && cs[h] === cv ? TIE_NAMES[tieCode(tieKeys, h, i)] : "none";
    items.push({ kind: "outscored", choice: k + 1, postId, composite: cv, cutoff: bar, tie });
  }
  if (p0 === NONE && ctx.adjustment)
    items.push(accepts[i] ? { kind: "adjustmentNone" } : { kind: "adjustmentDeclined" });
  const reason = items.length > 0 ? items : null;
  if (reason) ctx.built[i] = reason;
  return reason;
}

/** Assigning `reason` replaces the lazy accessor with a plain value. */
function setReason(this: CandidateResult, value: ReasonItem[] | null): void {
  Object.defineProperty(this, "reason", { value, writable: true, enumerable: true, configurable: true });
}

type LazyResultConstructor = new (
  index: number,
  id: string,
  name: string | undefined,
  unit: string | undefined,
  row: number,
  composite: number,
  outcome: OutcomeKind,
  post: number,
  postId: string | undefined,
  choiceRank: number | null,
) => CandidateResult;

/**
 * Results whose `reason` is built on first read: an own enumerable accessor, so that a result has the same
 * fields (keys, JSON, equality and spreads see the array) while a run of 100k candidates does not allocate
 * the ~200k reason items nobody may read. One constructor and one getter per run (over that run's context):
 * the objects of a run share their shape, and their prototype is Object.prototype (plain objects).
 */
function lazyResults(ctx: ReasonContext): { Lazy: LazyResultConstructor; reason: PropertyDescriptor } {
  function Lazy(
    this: Record<string, unknown>,
    index: number,
    id: string,
    name: string | undefined,
    unit: string | undefined,
    row: number,
    composite: number,
    outcome: OutcomeKind,
    post: number,
    postId: string | undefined,
    choiceRank: number | null,
  ) {
    this.index = index;
    this.id = id;
    this.name = name;
    this.unit = unit;
    this.row = row;
    this.composite = composite;
    this.outcome = outcome;
    this.post = post;
    this.postId = postId;
    this.choiceRank = choiceRank;
    this.tie = "none";
  }
  Lazy.prototype = Object.prototype;
  const reason: PropertyDescriptor = {
    get(this: CandidateResult): ReasonItem[] | null {
      return reasonOf(ctx, this.index);
    },
    set: setReason,
    enumerable: true,
    configurable: true,
  };
  return { Lazy: Lazy as unknown as LazyResultConstructor, reason };
}

/**
 * Outcomes, tie flags and blocking pairs (an eligible choice better than the one held, at a post with a
 * free seat or holding someone of worse rank), and the result per candidate with its reason (lazy).
 */
function outcomes(
  R: Run,
  cands: ReadonlyArray<RebidCandidate>,
  postIds: ReadonlyArray<string>,
  adjustment: boolean,
  results: CandidateResult[],
): OutcomeTotals {
  const { n, P, seq, chStart, chPost, chOk, rank, quota, pScore, comp, competes, tieKeys } = R;
  const { assigned, assignedChoice, adjusted, worstRank, filledRound, roundCutoff, roundHolder } = R;
  const { cutoff, cutoffHolder, defaultScore } = R;
  const tieFlag = new Uint8Array(n); // 0 none, 1 cascade, 2 rowOrder
  const postTie = new Uint8Array(P);
  const counts = Object.fromEntries(OUTCOME_KINDS.map((k) => [k, 0])) as Record<OutcomeKind, number>;
  let maxChoices = 0;
  for (let i = 0; i < n; i++) maxChoices = Math.max(maxChoices, chStart[i + 1] - chStart[i]);
  const byChoice = new Array<number>(maxChoices).fill(0);
  let blockingPairs = 0;
  const ctx: ReasonContext = { R, postIds, adjustment, built: [] };
  const { Lazy, reason: lazyReason } = lazyResults(ctx);

  for (let i = 0; i < n; i++) {
    const p0 = assigned[i];
    const start = chStart[i];
    const len = chStart[i + 1] - start;
    let outcome: OutcomeKind;
    let hasReason = false;
    if (!competes[i]) {
      outcome = "transferred";
    } else {
      const byChoiceNow = p0 !== NONE && !adjusted[i];
      const upTo = byChoiceNow ? assignedChoice[i] : len;
      let anyEligible = false;
      for (let k = 0; k < upTo; k++) {
        const ci = start + k;
        const p = chPost[ci];
        if (!chOk[ci]) continue;
        const r = rank[pScore[p]][i];
        if (worstRank[p] > r) blockingPairs++;
        if (quota[p] === 0) continue;
        anyEligible = true;
        if (seq && filledRound[p] !== NONE && filledRound[p] < k) continue;
        const cs = comp[pScore[p]];
        const cv = cs[i];
        const bar = seq ? roundCutoff[p] : cutoff[p];
        const h = seq ? roundHolder[p] : cutoffHolder[p];
        if (cv === bar && h !== NONE && cs[h] === cv) {
          const v = tieCode(tieKeys, h, i);
          if (v > tieFlag[i]) tieFlag[i] = v;
          if (v > tieFlag[h]) tieFlag[h] = v;
          if (v > postTie[p]) postTie[p] = v;
        }
      }
      if (byChoiceNow) {
        outcome = "placed";
        byChoice[assignedChoice[i]]++;
      } else if (p0 !== NONE) {
        outcome = "adjusted";
      } else if (len === 0) {
        outcome = "noChoices";
      } else {
        outcome = anyEligible ? "notSelected" : "ineligible";
      }
      hasReason = len === 0 || upTo > 0 || (p0 === NONE && adjustment);
    }
    counts[outcome]++;
    const c = cands[i];
    const composite = comp[p0 !== NONE ? pScore[p0] : defaultScore][i];
    const postId = p0 !== NONE ? postIds[p0] : undefined;
    const choiceRank = outcome === "placed" ? assignedChoice[i] + 1 : null;
    const row = c.row ?? i + 2;
    if (hasReason) {
      const o = new Lazy(i, c.id, c.name, c.unit, row, composite, outcome, p0, postId, choiceRank);
      Object.defineProperty(o, "reason", lazyReason);
      results[i] = o;
    } else {
      results[i] = {
        index: i,
        id: c.id,
        name: c.name,
        unit: c.unit,
        row,
        composite,
        outcome,
        post: p0,
        postId,
        choiceRank,
        tie: "none",
        reason: null,
      };
    }
  }
  for (let i = 0; i < n; i++) if (tieFlag[i] !== 0) results[i].tie = TIE_NAMES[tieFlag[i]];
  return { counts, byChoice, blockingPairs, postTie };
}

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

  // --- posts
  const quota = new Int32Array(P);
  const pScore = new Int32Array(P);
  const pMin = new Float64Array(P);
  const pEdu = new Float64Array(P);
  const pAge = new Float64Array(P);
  const pYrs = new Float64Array(P);
  const postIds = new Array<string>(P);
  for (let p = 0; p < P; p++) {
    const post = posts[p];
    const q = post.quota;
    quota[p] = Number.isFinite(q) && q > 0 ? Math.floor(q) : 0;
    pScore[p] = post.score;
    pMin[p] = num(post.minScore);
    pEdu[p] = num(post.minEducation);
    pAge[p] = num(post.maxAge);
    pYrs[p] = num(post.minYears);
    postIds[p] = post.id;
  }

  // --- candidates (with the eligibility of each choice)
  const cd = readCandidates(cands, { P, pScore, pMin, pEdu, pAge, pYrs }, S, settings.tieBreak);

  // --- priorities: the cascade order once, then one order and rank per used score
  const codes = new Int32Array(n);
  const tieOrder = cascadeOrder(n, cd.tieKeys, codes);
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
    const po = priorityOrder(cd.comp[s], tieOrder, settings.decimals, codes);
    rank.push(po.rank);
    order.push(po.order);
  }

  const seq = settings.mechanism === "sequential";
  const R: Run = {
    n,
    P,
    S,
    defaultScore,
    seq,
    ...cd,
    quota,
    pScore,
    pMin,
    pEdu,
    pAge,
    pYrs,
    order,
    rank,
    assigned: new Int32Array(n).fill(NONE),
    assignedChoice: new Int32Array(n).fill(NONE),
    adjusted: new Uint8Array(n),
    placedCount: new Int32Array(P),
    adjustedCount: new Int32Array(P),
    filledRound: new Int32Array(P).fill(NONE),
    roundCutoff: new Float64Array(P).fill(NaN),
    roundHolder: new Int32Array(P).fill(NONE),
    worstRank: new Int32Array(P).fill(NONE),
    cutoff: new Float64Array(P).fill(NaN),
    cutoffHolder: new Int32Array(P).fill(NONE),
  };

  // --- assignment by choice, cutoffs, adjustment
  if (seq) sequentialRounds(R);
  else deferredAcceptance(R);
  cutoffs(R);
  const byChoicePlaced = Int32Array.from(R.placedCount);
  if (settings.adjustment && P > 0) adjustmentRound(R);
  const { placedCount, adjustedCount, worstRank, cutoff, filledRound } = R;
  for (let p = 0; p < P; p++) if (placedCount[p] < quota[p]) worstRank[p] = n; // a free seat: anyone eligible blocks

  // --- outcomes, reasons, ties, blocking pairs; posts; summary
  const results: CandidateResult[] = new Array(n);
  const totals = outcomes(R, cands, postIds, settings.adjustment, results);
  let rowOrderTies = 0;
  const postResults: PostResult[] = new Array(P);
  for (let j = 0; j < P; j++) {
    const p = posts[j];
    if (totals.postTie[j] === 2) rowOrderTies++;
    postResults[j] = {
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
      tieAtCutoff: TIE_NAMES[totals.postTie[j]],
      filledInRound: seq && filledRound[j] !== NONE ? filledRound[j] + 1 : null,
    };
  }
  let totalQuota = 0;
  let totalPlaced = 0;
  for (let p = 0; p < P; p++) {
    totalQuota += quota[p];
    totalPlaced += placedCount[p];
  }

  const scoreNames = Array.from({ length: S }, (_, s) => input.scoreNames?.[s] ?? String(s));
  return {
    settings,
    candidates: results,
    posts: postResults,
    scoreNames,
    summary: {
      candidates: n,
      counts: totals.counts,
      byChoice: totals.byChoice,
      blockingPairs: totals.blockingPairs,
      quota: totalQuota,
      placed: totalPlaced,
      unfilled: totalQuota - totalPlaced,
      rowOrderTies,
    },
  };
}
