import type { MessageTable } from "./table";

/** Messages of the pay area: pay conversion ("pay.") and performance pay ("perf."). */
export const payMessages = {
  // --- pay scale
  "pay.stepDecreases": {
    zh: "岗级“{grade}”的“{column}”{value} 低于前一档 {previous}，档次金额不能递减",
    en: "Grade “{grade}”: “{column}” {value} is lower than the previous step {previous}; steps must not decrease",
  },
  "pay.stepGap": {
    zh: "岗级“{grade}”的“{step}”为空，但其后还有档次金额",
    en: "Grade “{grade}”: “{step}” is blank but a later step has an amount",
  },
  "pay.gradeEmpty": {
    zh: "岗级“{grade}”既没有档次金额，也没有上下限",
    en: "Grade “{grade}” has neither step amounts nor a band (min/max)",
  },
  "pay.bandIncomplete": {
    zh: "岗级“{grade}”的宽带需同时填写下限和上限",
    en: "Grade “{grade}”: a band needs both Min and Max",
  },
  "pay.bandOrder": {
    zh: "岗级“{grade}”的宽带应满足 下限 ≤ 中点 ≤ 上限（下限 {min}，上限 {max}），“{column}”为 {value}",
    en: "Grade “{grade}”: the band must have Min ≤ Mid ≤ Max (Min {min}, Max {max}); “{column}” is {value}",
  },
  // --- people
  "pay.unknownGrade": {
    zh: "岗级“{value}”不在薪酬标准表中",
    en: "Grade “{value}” is not in the pay scale",
  },
  "pay.unknownPost": {
    zh: "岗位编号“{value}”不在岗位表中",
    en: "Post ID “{value}” is not in the Posts table",
  },
  "pay.placementUnknownPost": {
    zh: "人员“{staff}”的竞聘结果岗位“{value}”不在岗位表中",
    en: "Staff “{staff}” is placed on post “{value}”, which is not in the Posts table",
  },
  "pay.placementUnknownStaff": {
    zh: "竞聘结果中的人员“{staff}”不在人员表中，已忽略",
    en: "Placed staff “{staff}” is not in the Staff table; ignored",
  },
  "pay.notPlaced": {
    zh: "{count} 人未在竞聘上岗中获聘岗位，未参加套改（原因见竞聘结果表）：{staff}",
    en: "{count} people were not placed by re-bidding and are not converted (reasons on the placements sheet): {staff}",
  },
  "perf.notPlaced": {
    zh: "{count} 人未在竞聘上岗中获聘岗位，不参加绩效分配：{staff}",
    en: "{count} people were not placed by re-bidding and receive no performance pay: {staff}",
  },
  "pay.noGrade": {
    zh: "人员“{staff}”没有岗级（无竞聘岗位、岗位编号或岗级），未参加套改",
    en: "Staff “{staff}” has no grade (no placement, Post ID or Grade); not converted",
  },
  "pay.noCurrentPay": {
    zh: "人员“{staff}”的现月薪为空，未参加套改",
    en: "Staff “{staff}” has no current pay; not converted",
  },
  "pay.noYears": {
    zh: "人员“{staff}”的工龄为空，按工龄套改时按 0 年计",
    en: "Staff “{staff}” has no years of service; the seniority rule counts 0 years",
  },
  "pay.lossUnprotected": {
    zh: "人员“{staff}”现月薪高于岗级“{grade}”标准，保护方式为不保护，月薪减少 {amount} 元",
    en: "Staff “{staff}” is paid above grade “{grade}” and protection is none: monthly pay falls by {amount} yuan",
  },
  "pay.badSetting": {
    zh: "参数“{name}”的值“{value}”无效",
    en: "Setting “{name}” has an invalid value “{value}”",
  },
  "pay.readerError": {
    zh: "表中“{column}”列有无法读取的数据，请先更正",
    en: "Column “{column}” has values that could not be read; please correct them first",
  },
  "pay.tableMissing": {
    zh: "缺少表“{table}”",
    en: "Table “{table}” is missing",
  },
  "pay.model": { zh: "薪酬套改", en: "pay conversion" },
  // --- rules, circles, sheets
  "pay.rule.notBelow": { zh: "就近就高", en: "not below" },
  "pay.rule.notAbove": { zh: "就近就低", en: "not above" },
  "pay.rule.nearest": { zh: "就近", en: "nearest" },
  "pay.rule.entry": { zh: "起点", en: "entry" },
  "pay.rule.seniority": { zh: "按工龄", en: "seniority" },
  "pay.rule.band": { zh: "宽带", en: "band" },
  "pay.protection.none": { zh: "不保护", en: "none" },
  "pay.protection.keep": { zh: "保留工资", en: "keep" },
  "pay.protection.phase": { zh: "逐年过渡", en: "phase out" },
  "pay.protection.absorb": { zh: "增资冲销", en: "absorb" },
  "pay.circle.red": { zh: "高于上限", en: "red circle" },
  "pay.circle.green": { zh: "低于下限", en: "green circle" },
  "pay.sheet.conversion": { zh: "薪酬套改", en: "Pay Conversion" },
  "pay.sheet.summary": { zh: "薪酬汇总", en: "Payroll Summary" },
  "pay.sheet.distribution": { zh: "薪酬变动分布", en: "Pay Change Distribution" },
  "pay.col.staffId": { zh: "工号", en: "Staff ID" },
  "pay.col.name": { zh: "姓名", en: "Name" },
  "pay.col.unit": { zh: "单位", en: "Unit" },
  "pay.col.grade": { zh: "岗级", en: "Grade" },
  "pay.col.step": { zh: "档次", en: "Step" },
  "pay.col.rule": { zh: "套改规则", en: "Rule" },
  "pay.col.currentPay": { zh: "现月薪", en: "Current Pay" },
  "pay.col.newPay": { zh: "套改后月薪", en: "New Pay" },
  "pay.col.protected": { zh: "保留工资", en: "Protected" },
  "pay.col.totalPay": { zh: "实发月薪", en: "Total Pay" },
  "pay.col.change": { zh: "变动", en: "Change" },
  "pay.col.circle": { zh: "区间", en: "Circle" },
  "pay.col.compa": { zh: "薪酬比率", en: "Compa-ratio" },
  "pay.col.penetration": { zh: "区间渗透率", en: "Penetration" },
  "pay.col.phase": { zh: "过渡安排", en: "Phase-out" },
  "pay.col.headcount": { zh: "人数", en: "Headcount" },
  "pay.col.monthlyBefore": { zh: "套改前月薪总额", en: "Monthly Before" },
  "pay.col.monthlyAfter": { zh: "套改后月薪总额", en: "Monthly After" },
  "pay.col.annualBefore": { zh: "套改前年薪总额", en: "Annual Before" },
  "pay.col.annualAfter": { zh: "套改后年薪总额", en: "Annual After" },
  "pay.col.protectedMonthly": { zh: "保留工资月总额", en: "Protected Monthly" },
  "pay.col.changeRate": { zh: "变动率", en: "Change Rate" },
  "pay.col.bin": { zh: "月薪变动区间（元）", en: "Monthly Change (yuan)" },
  "pay.col.from": { zh: "下限", en: "From" },
  "pay.col.to": { zh: "上限", en: "To" },
  "pay.col.count": { zh: "人数", en: "Count" },
  "pay.total": { zh: "合计", en: "Total" },
  "pay.noUnit": { zh: "（未填单位）", en: "(no unit)" },
  "pay.phaseYear": { zh: "第{year}年 {amount}", en: "year {year}: {amount}" },
  "pay.chart.payroll": { zh: "各单位套改前后月薪总额", en: "Monthly payroll before and after, by unit" },
  "pay.chart.distribution": { zh: "月薪变动分布", en: "Distribution of monthly pay change" },
  "pay.note.settings": {
    zh: "套改规则：{rule}；保护方式：{protection}；薪酬系数：{multiplier}",
    en: "Rule: {rule}; protection: {protection}; scale multiplier: {multiplier}",
  },
  "pay.note.counts": {
    zh: "共 {headcount} 人：增资 {winners} 人，减资 {losers} 人，不变 {unchanged} 人；高于上限 {red} 人，低于下限 {green} 人",
    en: "{headcount} people: {winners} gain, {losers} lose, {unchanged} unchanged; {red} red-circled, {green} green-circled",
  },
  "pay.note.largestLoss": {
    zh: "最大减资：{staff} {name}，每月 {amount} 元",
    en: "Largest loss: {staff} {name}, {amount} yuan a month",
  },
  "pay.note.percentiles": {
    zh: "月薪变动分位数（元）：P10 {p10}，P25 {p25}，P50 {p50}，P75 {p75}，P90 {p90}",
    en: "Monthly change percentiles (yuan): P10 {p10}, P25 {p25}, P50 {p50}, P75 {p75}, P90 {p90}",
  },
  "pay.note.total": {
    zh: "月薪总额 {before} → {after} 元（年 {annualBefore} → {annualAfter} 元），其中保留工资每月 {protected} 元",
    en: "Monthly payroll {before} → {after} yuan (annual {annualBefore} → {annualAfter}), of which protected {protected} a month",
  },
  // --- custom functions
  "pay.fn.notNumber": {
    zh: "参数“{name}”第 {row} 行的值“{value}”不是数字",
    en: "Argument {name}, row {row}: “{value}” is not a number",
  },
  "pay.fn.negative": {
    zh: "参数“{name}”第 {row} 行的值 {value} 为负数",
    en: "Argument {name}, row {row}: {value} is negative",
  },
  "pay.fn.badChoice": {
    zh: "参数“{name}”的值“{value}”无效，可选：{allowed}",
    en: "Argument {name}: “{value}” is not one of {allowed}",
  },
  "pay.fn.noWeight": {
    zh: "权重全为 0，无法分配 {value}",
    en: "Every weight is 0: {value} cannot be allocated",
  },
  "pay.fn.noBand": {
    zh: "岗级“{value}”没有宽带（下限/中点/上限）",
    en: "Grade “{value}” has no band (Min/Mid/Max)",
  },
  "pay.fn.lengths": {
    zh: "参数“{name}”有 {count} 行，应与成绩的 {expected} 行一致",
    en: "Argument {name} has {count} rows; it must match the {expected} rows of scores",
  },
  "pay.fn.needYears": {
    zh: "按工龄套改需要参数“工龄”（年）",
    en: "The seniority rule needs the years argument (years of service)",
  },
  "pay.fn.scale": { zh: "薪酬标准", en: "PayScale" },
  "pay.fn.staff": { zh: "人员", en: "Staff" },
  "pay.fn.posts": { zh: "岗位", en: "Posts" },
  "pay.fn.ratings": { zh: "考核等次", en: "Ratings" },
  // --- performance pay
  "perf.model": { zh: "绩效分配", en: "performance pay" },
  "perf.noPool": {
    zh: "未设定绩效工资总额（绩效总额、人均绩效或绩效比例）",
    en: "No performance pay pool is set (Pool Amount, Per Capita or Pool Percent)",
  },
  "perf.badPool": { zh: "绩效工资总额“{value}”无效", en: "The performance pay pool “{value}” is invalid" },
  "perf.badSetting": { zh: "参数“{name}”的值“{value}”无效", en: "Setting “{name}” has an invalid value “{value}”" },
  "perf.percentTooLarge": {
    zh: "绩效比例 {value} 大于 1，请按小数填写（如 10% 填 0.1）",
    en: "Pool Percent {value} is above 1; enter it as a fraction (10% is 0.1)",
  },
  "perf.noBasicWeight": {
    zh: "所有人员的岗位系数均为 0，无法分配基础性绩效 {pool} 元",
    en: "Every post coefficient is 0: the basic pool of {pool} yuan cannot be allocated",
  },
  "perf.noRewardWeight": {
    zh: "没有人员可获得奖励性绩效（系数均为 0），无法分配 {pool} 元",
    en: "No one can receive a reward (all coefficients are 0): {pool} yuan cannot be allocated",
  },
  "perf.unknownRating": {
    zh: "考核等次“{value}”不在考核等次表中（可选：{allowed}）",
    en: "Rating “{value}” is not in the Ratings table (allowed: {allowed})",
  },
  "perf.noRating": {
    zh: "人员“{staff}”没有考核等次，不参加奖励性绩效分配",
    en: "Staff “{staff}” has no rating and gets no reward share",
  },
  "perf.noScore": {
    zh: "人员“{staff}”没有绩效得分，强制分布时未评等次，不参加奖励性绩效分配",
    en: "Staff “{staff}” has no performance score: not rated by forced distribution and gets no reward share",
  },
  "perf.noRatingsSource": {
    zh: "人员表既没有考核等次，也没有绩效得分，无法确定奖励性绩效",
    en: "The Staff table has neither Rating nor Performance Score: rewards cannot be assessed",
  },
  "perf.noRatingsTable": {
    zh: "没有考核等次表：所有人的等次系数按 1 计",
    en: "No Ratings table: every rating coefficient counts as 1",
  },
  "perf.capBroken": {
    zh: "单位“{unit}”中“{rating}”有 {count} 人，超过比例上限允许的 {bound} 人（共 {n} 人）",
    en: "Unit “{unit}”: {count} rated “{rating}”, above the {bound} its Max Share allows (of {n})",
  },
  "perf.floorBroken": {
    zh: "单位“{unit}”中“{rating}”只有 {count} 人，少于比例下限要求的 {bound} 人（共 {n} 人）",
    en: "Unit “{unit}”: only {count} rated “{rating}”, below the {bound} its Min Share requires (of {n})",
  },
  "perf.minAboveMax": {
    zh: "等次“{rating}”的比例下限大于比例上限",
    en: "Rating “{rating}”: Min Share is above Max Share",
  },
  "perf.defaultPostCoefficient": {
    zh: "{count} 人没有岗位系数，按 1 计（首个：{staff}）",
    en: "{count} people have no post coefficient; 1 is used (first: {staff})",
  },
  "perf.defaultUnitCoefficient": {
    zh: "单位“{unit}”没有考核系数，按 1 计",
    en: "Unit “{unit}” has no assessment coefficient; 1 is used",
  },
  "perf.unitNoReward": {
    zh: "单位“{unit}”无人可获得奖励性绩效（系数均为 0），不参加单位间分配",
    en: "Unit “{unit}”: no one can receive a reward (all coefficients 0); it takes no share of the reward pool",
  },
  "perf.capInfeasible": {
    zh: "单位“{unit}”的个人上限无法满足（其余人员系数为 0），未执行上限",
    en: "Unit “{unit}”: the individual cap cannot be held (the others have coefficient 0); not applied",
  },
  "perf.sheet.allocation": { zh: "绩效分配", en: "Performance Pay" },
  "perf.sheet.units": { zh: "绩效单位汇总", en: "Performance by Unit" },
  "perf.col.staffId": { zh: "工号", en: "Staff ID" },
  "perf.col.name": { zh: "姓名", en: "Name" },
  "perf.col.unit": { zh: "单位", en: "Unit" },
  "perf.col.postCoefficient": { zh: "岗位系数", en: "Post Coefficient" },
  "perf.col.rating": { zh: "考核等次", en: "Rating" },
  "perf.col.ratingCoefficient": { zh: "等次系数", en: "Rating Coefficient" },
  "perf.col.basic": { zh: "基础性绩效", en: "Basic" },
  "perf.col.reward": { zh: "奖励性绩效", en: "Reward" },
  "perf.col.total": { zh: "合计", en: "Total" },
  "perf.col.capped": { zh: "封顶", en: "Capped" },
  "perf.capped.yes": { zh: "是", en: "yes" },
  "perf.col.headcount": { zh: "人数", en: "Headcount" },
  "perf.col.unitCoefficient": { zh: "单位考核系数", en: "Unit Coefficient" },
  "perf.col.weight": { zh: "分配权重", en: "Weight" },
  "perf.col.rewardPool": { zh: "奖励性额度", en: "Reward Pool" },
  "perf.col.average": { zh: "人均", en: "Per Capita" },
  "perf.col.cap": { zh: "个人上限", en: "Individual Cap" },
  "perf.chart.units": { zh: "各单位绩效工资", en: "Performance pay by unit" },
  "perf.note.pool": {
    zh: "绩效工资总额 {pool} 元（{source}）：基础性 {basic} 元，奖励性 {reward} 元",
    en: "Pool {pool} yuan ({source}): basic {basic}, reward {reward}",
  },
  "perf.source.amount": { zh: "定额", en: "fixed amount" },
  "perf.source.perCapita": { zh: "人均 × 人数", en: "per capita × headcount" },
  "perf.source.percent": { zh: "工资总额 {base} 元的 {percent}", en: "{percent} of payroll {base} yuan" },
  "perf.note.ratings": {
    zh: "考核等次来源：{source}",
    en: "Ratings: {source}",
  },
  "perf.ratings.given": { zh: "人员表考核等次", en: "given in Staff" },
  "perf.ratings.forced": { zh: "按绩效得分强制分布", en: "forced distribution of performance scores" },
  "perf.ratings.none": { zh: "无（系数按 1 计）", en: "none (coefficient 1)" },
} satisfies MessageTable;
