/**
 * The optimised conversion loop and one-pass summary against a simple reference: convertOne per person and
 * a summary by sorting the changes (PERCENTILE.INC on the sorted list), on random scales and people.
 */
import fc from "fast-check";
import {
  bandPosition,
  CONVERSION_RULES,
  convertOne,
  convertPay,
  DEFAULT_PAY_CONVERSION_SETTINGS,
  histogram,
  percentileInc,
  protect,
  PROTECTION_MODES,
  type PayLine,
  type PaySummary,
  type PayPerson,
  type UnitPayroll,
} from "./conversion";
import { gradeKey, type PayGrade, type PayScale } from "./scale";

function referenceSummary(lines: PayLine[], bins: number): PaySummary {
  const n = lines.length;
  const units = new Map<string, UnitPayroll>();
  let before = 0;
  let after = 0;
  let prot = 0;
  let worst = -1;
  for (let i = 0; i < n; i++) {
    const l = lines[i];
    before += l.currentPay;
    after += l.totalPay;
    prot += l.protectedPay;
    if (l.change < 0 && (worst < 0 || l.change < lines[worst].change)) worst = i;
    const key = l.unit ?? "";
    const u = units.get(key) ?? {
      unit: key,
      headcount: 0,
      monthlyBefore: 0,
      monthlyAfter: 0,
      annualBefore: 0,
      annualAfter: 0,
      protectedMonthly: 0,
    };
    units.set(key, u);
    u.headcount++;
    u.monthlyBefore += l.currentPay;
    u.monthlyAfter += l.totalPay;
    u.protectedMonthly += l.protectedPay;
  }
  for (const u of units.values()) {
    u.annualBefore = u.monthlyBefore * 12;
    u.annualAfter = u.monthlyAfter * 12;
  }
  const sorted = lines.map((l) => l.change).sort((a, b) => a - b);
  const winners = lines.filter((l) => l.change > 0).length;
  const losers = lines.filter((l) => l.change < 0).length;
  const s: PaySummary = {
    headcount: n,
    monthlyBefore: before,
    monthlyAfter: after,
    annualBefore: before * 12,
    annualAfter: after * 12,
    protectedMonthly: prot,
    winners,
    losers,
    unchanged: n - winners - losers,
    redCircle: lines.filter((l) => l.circle === "red").length,
    greenCircle: lines.filter((l) => l.circle === "green").length,
    percentiles: {
      p10: percentileInc(sorted, 0.1),
      p25: percentileInc(sorted, 0.25),
      p50: percentileInc(sorted, 0.5),
      p75: percentileInc(sorted, 0.75),
      p90: percentileInc(sorted, 0.9),
    },
    histogram: histogram(sorted, bins),
    byUnit: [...units.values()],
  };
  if (worst >= 0) {
    const w = lines[worst];
    s.largestLoss = { staffId: w.staffId, amount: -w.change };
    if (w.name !== undefined) s.largestLoss.name = w.name;
    if (w.unit !== undefined) s.largestLoss.unit = w.unit;
  }
  return s;
}

const gradeArb = fc.record({
  steps: fc.oneof(
    fc
      .array(
        fc.integer({ min: 100, max: 120 }).map((k) => k * 1000),
        { minLength: 0, maxLength: 8 },
      )
      .map((a) => a.sort((x, y) => x - y)),
    fc.array(
      fc.integer({ min: 100, max: 120 }).map((k) => k * 1000),
      { minLength: 1, maxLength: 5 },
    ), // unordered (core input)
  ),
  band: fc.option(
    fc
      .tuple(
        fc.integer({ min: 100000, max: 900000 }),
        fc.integer({ min: 0, max: 300000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
      )
      .map(([min, w, f]) => ({ min, mid: min + Math.round(w * f), max: min + w })),
    { nil: undefined },
  ),
});

describe("convertPay against convertOne + a sorting summary", () => {
  it("gives the same lines, skipped list and summary on random input", () => {
    fc.assert(
      fc.property(
        fc.array(gradeArb, { minLength: 1, maxLength: 5 }),
        fc.array(
          fc.record({
            g: fc.integer({ min: 0, max: 6 }),
            pay: fc.oneof(
              fc.integer({ min: 190, max: 250 }).map((k) => k * 500),
              fc.integer({ min: 90000, max: 130000 }),
            ),
            years: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
            unit: fc.option(fc.constantFrom("A", "B", "C", ""), { nil: undefined }),
            row: fc.option(fc.integer({ min: 2, max: 1000 }), { nil: undefined }),
          }),
          { minLength: 0, maxLength: 60 },
        ),
        fc.constantFrom(...CONVERSION_RULES),
        fc.constantFrom(...PROTECTION_MODES),
        fc.boolean(),
        fc.integer({ min: 1, max: 12 }),
        (grades, ps, rule, protection, protectAllLosses, bins) => {
          const scale = new Map<string, PayGrade>();
          grades.forEach((g, i) => {
            const pg: PayGrade = { grade: `G${i}`, steps: g.steps };
            if (g.band) pg.band = g.band;
            scale.set(gradeKey(pg.grade), pg);
          });
          const people: PayPerson[] = ps.map((p, i) => ({
            staffId: `S${i}`,
            grade: p.g === 6 ? " g 0 " : `G${p.g}`,
            currentPay: p.pay,
            years: p.years,
            unit: p.unit,
            row: p.row,
          }));
          const settings = {
            ...DEFAULT_PAY_CONVERSION_SETTINGS,
            conversionRule: rule,
            protection,
            protectAllLosses,
            histogramBins: bins,
          };
          const got = convertPay(people, scale as PayScale, settings);
          const lines: PayLine[] = [];
          const skipped: { staffId: string; row?: number; grade: string }[] = [];
          for (const p of people) {
            const g = scale.get(gradeKey(p.grade));
            if (!g || (g.steps.length === 0 && !g.band)) {
              skipped.push(
                p.row !== undefined
                  ? { staffId: p.staffId, row: p.row, grade: p.grade }
                  : { staffId: p.staffId, grade: p.grade },
              );
            } else lines.push(convertOne(p, g, settings));
          }
          expect(got.lines).toStrictEqual(lines);
          expect(got.lines.map((l) => l.toJSON())).toStrictEqual(lines.map((l) => l.toJSON()));
          // What a line derives is what protect and bandPosition give, from the input person's current pay.
          const converted = people.filter((p) => !got.skipped.some((k) => k.staffId === p.staffId));
          got.lines.forEach((l, i) => {
            const person = converted[i];
            expect(l.person).toBe(person);
            const pr = protect(l.difference, protection, settings.phaseYears);
            expect([l.protectedPay, l.unprotectedLoss, l.absorbable, l.phase]).toStrictEqual([
              pr.protectedPay,
              pr.unprotectedLoss,
              pr.absorbable,
              pr.phase,
            ]);
            expect(l.totalPay).toBe(l.newPay + pr.protectedPay);
            expect(l.change).toBe(l.newPay + pr.protectedPay - person.currentPay);
            const bp = bandPosition(l.newPay, l.context.grade);
            expect([l.compaRatio, l.penetration]).toStrictEqual([bp.compaRatio, bp.penetration]);
          });
          expect(got.skipped).toStrictEqual(skipped);
          expect(got.summary).toStrictEqual(referenceSummary(lines, bins));
        },
      ),
      { numRuns: 300 },
    );
  });
});
