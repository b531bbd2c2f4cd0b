/**
 * Pay benchmarks: conversion of 100 000 people on 20 graded step tables, and performance pay for
 * 100 000 people in 50 units with forced distribution and an individual cap. Core functions only.
 */
import { convertPay, type PayPerson } from "../src/engine/pay/conversion";
import { allocatePerformancePay, type PerfPerson } from "../src/engine/pay/performance";
import { forcedDistribution, type RatingLevel } from "../src/engine/pay/forced";
import { payScaleOf as scaleOf } from "../src/engine/pay/scale";
import { paySheets } from "../src/engine/pay/sheets";
import { medianCpuMs, medianMs, prng, report } from "./_util";

const N = 100_000;
/** Timed runs per figure (after one warm-up): 15, so that the median is not moved by one slow run on a busy machine. */
const RUNS = 15;
const UNITS = 50;
const rnd = prng(42);

const grades = Array.from({ length: 20 }, (_, g) => ({
  grade: `G${g + 1}`,
  steps: Array.from({ length: 15 }, (_, s) => 3000 + g * 400 + s * 150),
  ...(g % 4 === 0 ? { min: 3000 + g * 400, mid: 4000 + g * 400, max: 5100 + g * 400 } : {}),
}));
const scale = scaleOf(grades);
const people: PayPerson[] = Array.from({ length: N }, (_, i) => {
  const g = Math.floor(rnd() * 20);
  return {
    staffId: `S${i}`,
    unit: `U${i % UNITS}`,
    grade: `G${g + 1}`,
    currentPay: Math.round((2500 + g * 400 + rnd() * 3000) * 100),
    years: Math.floor(rnd() * 35),
  };
});
const runConvert = () => convertPay(people, scale, { protection: "phase" });
const convertMs = medianMs(runConvert, RUNS, 1);
report("pay-convert", { n: N, median_ms: convertMs, cpu_ms: medianCpuMs(runConvert, RUNS) });
// What a user waits for: the conversion and its result sheets (the lines' derived fields, such as the phase
// schedules, are computed when the sheets read them).
const runConvertSheets = () => paySheets(convertPay(people, scale, { protection: "phase" }), "zh");
report("pay-convert-sheets", { n: N, median_ms: medianMs(runConvertSheets, 7, 1) });

const ratings: RatingLevel[] = [
  { rating: "优秀", coefficient: 1.5, maxShare: 0.2 },
  { rating: "良好", coefficient: 1.2, maxShare: 0.3 },
  { rating: "合格", coefficient: 1 },
  { rating: "不合格", coefficient: 0, minShare: 0.02 },
];
const units = people.map((p) => p.unit!);
const scores = people.map(() => Math.round(rnd() * 1000) / 10);
const post = people.map(() => 0.8 + Math.floor(rnd() * 8) / 10);
const unitCoefficients = new Map(Array.from({ length: UNITS }, (_, u) => [`U${u}`, 0.9 + (u % 5) / 20]));
const runPerf = () => {
  const fd = forcedDistribution(scores, ratings, units);
  const perf: PerfPerson[] = people.map((p, i) => ({
    staffId: p.staffId,
    unit: units[i],
    postCoefficient: post[i],
    rating: fd.ratings[i],
  }));
  return allocatePerformancePay(perf, ratings, 1_200_000_000, { individualCap: 1.3, unitCoefficients });
};
const perfMs = medianMs(runPerf, RUNS, 1);
report("perf-pay", { n: N, units: UNITS, median_ms: perfMs, cpu_ms: medianCpuMs(runPerf, RUNS) });
