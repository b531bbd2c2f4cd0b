import type { FunctionTranslations } from "./types";

/** zh-CN names and descriptions of the rebid custom functions, keyed by function id. */
export const rebidTranslations: FunctionTranslations = {
  COMPOSITE: {
    name: "综合成绩",
    description:
      "按权重计算每行的综合成绩：Σ 权重 × 成绩，可先按成绩项标准化，四舍五入到指定小数位；空白成绩按 0 分计算。权重为两行（成绩项标题、权重），或带“岗位类别”列的权重表（取“默认”行或唯一一行）。",
    parameters: {
      scores: { name: "成绩", description: "含标题行的成绩区域（如笔试、面试、民主测评、年度考核）。" },
      weights: { name: "权重", description: "两行（标题、权重），或带“岗位类别”列的权重表。" },
      normalization: {
        name: "标准化",
        description: "raw 原始分（默认）、zscore 标准分（均值 50、标准差 10）或 minmax 百分制（0–100）。",
      },
      decimals: { name: "小数位", description: "综合成绩保留的小数位（默认 2）。" },
    },
    result: "每个数据行一个综合成绩。",
  },
  REBID: {
    name: "竞聘录取",
    description:
      "按人员表和岗位表进行全员竞聘（平行志愿或顺序志愿，可含服从调剂），按人员表逐行输出（含标题行），可在表格旁溢出显示。",
    parameters: {
      staff: {
        name: "人员表",
        description:
          "含标题行的人员表（工号、综合成绩、志愿1…N，可选学历、年龄、工龄、面试、年度考核、服从调剂、分流意愿）。",
      },
      posts: {
        name: "岗位表",
        description: "含标题行的岗位表（岗位编号、职数，可选最低分数、最低学历、最高年龄、最低工龄）。",
      },
      mechanism: { name: "志愿模式", description: "parallel 平行志愿（默认）或 sequential 顺序志愿。" },
      adjustment: {
        name: "调剂",
        description: "TRUE（默认）时，未录取且服从调剂的人员调剂到仍有空缺且符合条件的岗位。",
      },
    },
    result: "每行：岗位编号、录取结果、志愿序号。",
  },
  CUTOFFS: {
    name: "录取分数线",
    description:
      "全员竞聘后各岗位的录取情况，按岗位表逐行输出（含标题行）：录取人数、空缺和录取分数线（按志愿录取的最低综合成绩）。",
    parameters: {
      staff: { name: "人员表", description: "含标题行的人员表。" },
      posts: { name: "岗位表", description: "含标题行的岗位表。" },
      mechanism: { name: "志愿模式", description: "parallel 平行志愿（默认）或 sequential 顺序志愿。" },
      adjustment: { name: "调剂", description: "TRUE（默认）时进行调剂。" },
    },
    result: "每个岗位：岗位编号、录取人数、空缺、录取分数线。",
  },
  BOTTOM: {
    name: "末位淘汰",
    description:
      "按组标记成绩排在末位的人员：人数 = 比例 × 组内人数，按取整方式取整（默认向上取整），每组至少“最少人数”人（默认 1）；与临界分数同分的人员一并标记。空白成绩不参与排名。",
    parameters: {
      scores: { name: "成绩", description: "一列成绩。" },
      groups: { name: "分组", description: "与成绩等长的一列分组（如单位）；留空则全部为一组。" },
      ratio: { name: "比例", description: "末位比例，如 0.05 表示 5%。" },
      rounding: { name: "取整方式", description: "ceiling 向上（默认）、floor 向下或 round 四舍五入。" },
      minimum: { name: "最少人数", description: "每组至少标记的人数（默认 1）。" },
    },
    result: "被标记为末位的行为 TRUE。",
  },
};
