import fc from "fast-check";
import { selectInRange } from "./select";

describe("selectInRange", () => {
  it("returns the k-th smallest value of the range, as sorting would", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 60 }),
        fc.nat(),
        (xs, kSeed) => {
          const a = Float64Array.from(xs);
          const k = kSeed % xs.length;
          const sorted = [...xs].sort((x, y) => x - y);
          return selectInRange(a, 0, a.length - 1, k) === sorted[k] && a[k] === sorted[k];
        },
      ),
    );
    expect(selectInRange(Float64Array.from([5, 1, 4, 2]), 0, 3, 1)).toBe(2);
  });
});
