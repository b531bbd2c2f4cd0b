import type { FunctionTranslations } from "./types";

/** zh-CN names and descriptions of the headcount custom functions, keyed by function id. */
export const headcountTranslations: FunctionTranslations = {
  REDUCTION: {
    name: "精简比例",
    description:
      "按改革报告口径计算精简比例：（改革前 − 改革后）÷ 改革前，四舍五入到 0.1%，以小数返回，例如 21→14 得 0.333；单元格设为 0.0% 格式即显示 33.3%。负数表示增加。",
    parameters: {
      before: { name: "改革前", description: "改革前的数量（机构、领导职数、编制或人员）。" },
      after: { name: "改革后", description: "改革后的数量。" },
    },
    result: "精简比例，保留 3 位小数（0.333 即 33.3%）。",
  },
  POOLBALANCE: {
    name: "周转池余额",
    description: "某一日期周转编制池的可用编制数：容量减去当天结束时借出的编制；借用时超过容量的借用不予借用，不计入。",
    parameters: {
      ledger: {
        name: "台账",
        description: "含标题行的周转编制台账（单位、编制类型、数量、借用日期、归还期限、归还日期）。",
      },
      capacity: { name: "容量", description: "周转编制池容量（各类编制合计）。" },
      asOf: { name: "基准日期", description: "计算日期（默认取台账中最近的借用或归还日期）。" },
    },
    result: "该日期的可用编制数。",
  },
  QUOTACHECK: {
    name: "编制核查",
    description: "逐个单位核查空编、超编和超职数，按数据行逐行输出并带标题行，可在表格旁溢出显示。",
    parameters: {
      units: {
        name: "机构表",
        description: "含标题行的机构表（单位、核定编制、实有人数，可选领导职数、实配领导）。",
      },
    },
    result: "表格：单位、空编、超编、超职数。",
  },
};
