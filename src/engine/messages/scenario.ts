import type { MessageTable } from "./table";

/** Messages of the scenarios area. */
export const scenarioMessages = {
  "scenario.unknownParam": {
    zh: "方案表的列“{column}”不是已知参数，已忽略",
    en: "Scenarios column “{column}” is not a known parameter and is ignored",
  },
  "scenario.badValue": {
    zh: "参数“{column}”的值“{value}”无效，可用：{allowed}；沿用基准方案",
    en: "Parameter “{column}” value “{value}” is invalid (allowed: {allowed}); the baseline value is used",
  },
} satisfies MessageTable;
