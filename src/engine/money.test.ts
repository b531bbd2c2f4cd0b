import fc from "fast-check";
import { allocate, allocateInUnits, roundBy, roundHalfUp, yuanToFen } from "./money";

describe("roundHalfUp", () => {
  it("rounds halves up as published score lists do", () => {
    expect(roundHalfUp(84.125, 2)).toBe(84.13);
    expect(roundHalfUp(1.005, 2)).toBe(1.01);
    expect(roundHalfUp(2.5, 0)).toBe(3);
    expect(roundHalfUp(-2.5, 0)).toBe(-3);
    expect(roundHalfUp(79.994, 2)).toBe(79.99);
  });
});

describe("roundBy", () => {
  it("applies the named mode and snaps float noise", () => {
    expect(roundBy(0.05 * 60, "ceiling")).toBe(3);
    expect(roundBy(2.1, "ceiling")).toBe(3);
    expect(roundBy(2.9, "floor")).toBe(2);
    expect(roundBy(2.5, "round")).toBe(3);
  });
});

describe("yuanToFen", () => {
  it("converts with half-up rounding", () => {
    expect(yuanToFen(1234.565)).toBe(123457);
    expect(yuanToFen(0.1 + 0.2)).toBe(30);
  });
});

describe("allocate", () => {
  it("splits by largest remainder with ties to the earlier row", () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(1000, [0.7, 0.3])).toEqual([700, 300]);
    expect(allocate(5, [0, 1, 0])).toEqual([0, 5, 0]);
    expect(allocate(0, [0, 0])).toEqual([0, 0]);
    expect(allocate(7, [0, 0])).toBeNull();
  });

  it("always sums to the total and never gives a larger weight less", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2_000_000_000_000 }),
        fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: 1, maxLength: 50 }),
        (total, weights) => {
          const parts = allocate(total, weights);
          const positive = weights.some((w) => Math.round(w * 1e6) > 0);
          if (!positive) return total === 0 ? parts !== null : parts === null;
          if (!parts) return false;
          const sum = parts.reduce((a, b) => a + b, 0);
          if (sum !== total) return false;
          for (let i = 0; i < weights.length; i++)
            for (let j = 0; j < weights.length; j++)
              if (Math.round(weights[i] * 1e6) > Math.round(weights[j] * 1e6) && parts[i] < parts[j]) return false;
          return parts.every((p) => Number.isInteger(p) && p >= 0);
        },
      ),
    );
  });

  it("in whole units keeps the total", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 20 }),
        (total, w) => {
          const parts = allocateInUnits(total, w, 100)!;
          return parts.reduce((a, b) => a + b, 0) === total;
        },
      ),
    );
  });
});

describe("roundHalfUp agrees with decimal rounding of the written value", () => {
  it("for any value with up to 6 decimals", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 4 }), (units, d) => {
        // x = units / 10^6 written in decimal; expected = half-away-from-zero at d decimals, exactly.
        const x = units / 1e6;
        const scale = 10 ** (6 - d);
        const q = Math.trunc(Math.abs(units) / scale);
        const rem = Math.abs(units) - q * scale;
        const expected = (Math.sign(units) * (rem * 2 >= scale ? q + 1 : q)) / 10 ** d;
        return roundHalfUp(x, d) + 0 === expected + 0;
      }),
    );
  });
});

describe("allocate matches the textbook largest-remainder method", () => {
  it("on random integer weights (reference: sort every remainder)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 40 }),
        (total, weights) => {
          const sum = weights.reduce((a, b) => a + b, 0);
          const got = allocate(total, weights);
          if (sum === 0) return got === (total === 0 ? got : null);
          const base = weights.map((w) => Math.floor((total * w) / sum));
          const rem = weights.map((w, i) => total * w - base[i] * sum);
          const order = weights.map((_, i) => i).filter((i) => weights[i] > 0);
          order.sort((a, b) => rem[b] - rem[a] || a - b);
          let left = total - base.reduce((a, b) => a + b, 0);
          for (const i of order) if (left-- > 0) base[i] += 1;
          return JSON.stringify(got) === JSON.stringify(base);
        },
      ),
    );
  });
});
