import type { FunctionTranslations } from "./types";

/** zh-CN names and descriptions of the pay custom functions, keyed by function id. */
export const payTranslations: FunctionTranslations = {
  PAYSTEP: {
    name: "套改档次",
    description:
      "按套改规则把现月薪套入岗级的档次：返回档次、套改后月薪和高于岗级上限部分的保留工资（元）。仅有宽带的岗级档次为空，月薪限制在上下限之间。",
    parameters: {
      currentPay: { name: "现月薪", description: "现行可比月薪（元）。" },
      grade: { name: "岗级", description: "套入的岗级。" },
      payScale: { name: "薪酬标准", description: "含标题行的薪酬标准表（岗级、档1…档N，或下限/中点/上限）。" },
      rule: { name: "套改规则", description: "就近就高（默认）、就近就低、就近、起点或工龄。" },
      years: {
        name: "工龄",
        description: "工作年限，仅按工龄套改时使用且必填（档次 = 1 + ⌊工龄 ÷ 每档年限⌋，不超过最高档）。",
      },
      interval: { name: "每档年限", description: "仅按工龄套改时使用：每晋一档所需年数（省略、空白或 0 时为 2）。" },
    },
    result: "一行：档次、套改后月薪、保留工资（元）。",
  },
  BANDPOS: {
    name: "薪级位置",
    description: "月薪在岗级宽带中的位置：薪酬比率（月薪 ÷ 中点）和区间渗透率（（月薪 − 下限）÷（上限 − 下限））。",
    parameters: {
      pay: { name: "月薪", description: "月薪（元）。" },
      grade: { name: "岗级", description: "岗级。" },
      payScale: { name: "薪酬标准", description: "含标题行的薪酬标准表（岗级、下限、中点、上限）。" },
    },
    result: "一行：薪酬比率、区间渗透率。",
  },
  ALLOCATE: {
    name: "精确分配",
    description: "按权重以最大余数法精确分配总额（同余数时靠前者优先），各份之和与总额分毫不差。",
    parameters: {
      total: { name: "总额", description: "待分配的金额（元）。" },
      weights: { name: "权重", description: "每行（或每列）一个权重，空白按 0 计。" },
      unit: { name: "单位", description: "“分”（默认）或“元”（取整到元，总额中不足一元的零头也按最大余数分配）。" },
    },
    result: "各份金额（元），形状与权重相同。",
  },
  FORCEDRANK: {
    name: "强制分布",
    description: "按绩效得分分组强制分布确定考核等次：等次从优到差，比例上限向下取整、比例下限向上取整，同分同等次。",
    parameters: {
      scores: { name: "绩效得分", description: "每行一个得分；空白不评等次。" },
      ratings: { name: "考核等次表", description: "含标题行的考核等次表（等次、系数、比例上限、比例下限）。" },
      groups: { name: "分组", description: "每行所属的分组（单位），默认全部为一组。" },
    },
    result: "每行的考核等次。",
  },
  PERFPAY: {
    name: "绩效工资",
    description:
      "分配绩效工资总额：基础性绩效按岗位系数分配；奖励性绩效先按单位（岗位系数之和 × 单位考核系数）再按个人（岗位系数 × 等次系数）分配，精确到分。",
    parameters: {
      staff: {
        name: "人员表",
        description: "含标题行的人员表（工号、原单位、考核等次或绩效得分，可选岗位编号、岗位系数）。",
      },
      posts: { name: "岗位表", description: "含标题行的岗位表（岗位编号、职数、岗位系数、所属部门），或空单元格。" },
      ratings: { name: "考核等次表", description: "含标题行的考核等次表（等次、系数、比例上限、比例下限）。" },
      pool: { name: "绩效总额", description: "绩效工资总额（元）。" },
      basicShare: { name: "基础比例", description: "基础性绩效所占比例（默认 0.7）。" },
    },
    result: "标题行，然后每个人员行：基础性绩效、奖励性绩效、合计（元）。",
  },
};
