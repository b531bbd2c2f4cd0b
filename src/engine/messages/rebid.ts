import type { MessageTable } from "./table";

/** Messages of the rebid area (keys prefixed "rebid."). */
export const rebidMessages = {
  "rebid.model": { zh: "竞聘上岗", en: "re-bidding" },
  "rebid.noChoiceColumns": {
    zh: "表“{table}”没有志愿列（志愿1…志愿N）",
    en: "Table “{table}” has no choice columns (Choice 1…Choice N)",
  },
  "rebid.unknownPost": {
    zh: "“{column}”的岗位编号“{value}”不在岗位表中",
    en: "“{column}” names post “{value}”, which is not in the Posts table",
  },
  "rebid.duplicateChoice": {
    zh: "岗位“{value}”已在“{first}”中填报，重复的志愿不计",
    en: "Post “{value}” was already chosen in “{first}”; the repeat is ignored",
  },
  "rebid.weights.notSum": {
    zh: "类别“{category}”的权重合计为 {sum}，不等于 1",
    en: "The weights of category “{category}” sum to {sum}, not 1",
  },
  "rebid.weights.normalized": {
    zh: "类别“{category}”的权重合计为 {sum}，已按合计折算为 1",
    en: "The weights of category “{category}” sum to {sum}; they were scaled to sum to 1",
  },
  "rebid.weights.componentMissing": {
    zh: "权重列“{column}”在人员表中没有同名的成绩列",
    en: "Weight column “{column}” has no score column of the same name in Staff",
  },
  "rebid.weights.noComponents": {
    zh: "权重表没有成绩列（岗位类别之外的列）",
    en: "The Weights table has no score columns besides the category",
  },
  "rebid.weights.noDefault": {
    zh: "权重表有多行但没有“默认”行；调剂排序和未录取人员的综合成绩按“{category}”计算",
    en: "The Weights table has several rows but no “Default” row; adjustment order and unplaced composites use “{category}”",
  },
  "rebid.noScoreForCategory": {
    zh: "岗位类别“{value}”在权重表中没有对应行，也没有默认行或综合成绩列",
    en: "Post category “{value}” has no Weights row, and there is no Default row or Composite column",
  },
  "rebid.noScore": {
    zh: "既没有权重表，人员表也没有“综合成绩”列，无法计算成绩",
    en: "There is no Weights table and Staff has no “Composite” column: no score to rank by",
  },
  "rebid.score.missing": {
    zh: "“{column}”为空，按 0 分计算",
    en: "“{column}” is blank and counts as 0",
  },
  "rebid.bottom.blank": {
    zh: "没有成绩，不参与末位排名",
    en: "No score: not ranked for bottom elimination",
  },
  "rebid.bottom.tie": {
    zh: "“{group}”末位应为 {count} 人，因 {score} 分同分共标记 {flagged} 人",
    en: "“{group}”: the bottom count is {count}, but {flagged} are flagged because of a tie at {score}",
  },

  "rebid.outcome.placed": { zh: "按志愿录取", en: "placed" },
  "rebid.outcome.adjusted": { zh: "调剂录取", en: "adjusted" },
  "rebid.outcome.notSelected": { zh: "未录取", en: "not selected" },
  "rebid.outcome.ineligible": { zh: "不符合条件", en: "ineligible" },
  "rebid.outcome.noChoices": { zh: "未填志愿", en: "no choices" },
  "rebid.outcome.transferred": { zh: "随职能划转", en: "transferred" },

  "rebid.tie.cascade": { zh: "同分按次级指标", en: "tie by cascade" },
  "rebid.tie.rowOrder": { zh: "同分按名单顺序", en: "tie by row order" },

  "rebid.reason.sep": { zh: "；", en: "; " },
  "rebid.reason.choice": { zh: "志愿{choice}（{post}）：{text}", en: "choice {choice} ({post}): {text}" },
  "rebid.reason.outscored": {
    zh: "综合成绩 {composite} 未达到录取分数线 {cutoff}",
    en: "composite {composite} below the cutoff {cutoff}",
  },
  "rebid.reason.outscoredTie": {
    zh: "综合成绩 {composite} 与录取分数线同分，{tie}排后",
    en: "composite {composite} equal to the cutoff, lost the {tie}",
  },
  "rebid.reason.tieCascade": { zh: "按次级指标", en: "tie-break cascade" },
  "rebid.reason.tieRowOrder": { zh: "按名单顺序", en: "tie on row order" },
  "rebid.reason.outscoredNoCutoff": {
    zh: "综合成绩 {composite}，名额已被排名更高者占满",
    en: "composite {composite}, seats taken by higher-ranked candidates",
  },
  "rebid.reason.filledEarlier": {
    zh: "已在第 {round} 轮录满（分数线 {cutoff}，本人 {composite}）",
    en: "filled in round {round} (cutoff {cutoff}, own composite {composite})",
  },
  "rebid.reason.noSeats": { zh: "职数为 0", en: "no seats" },
  "rebid.reason.noChoices": { zh: "未填报志愿", en: "no choices made" },
  "rebid.reason.adjustmentDeclined": { zh: "不服从调剂", en: "did not accept adjustment" },
  "rebid.reason.adjustmentNone": {
    zh: "调剂时没有符合条件的空缺岗位",
    en: "no post with a free seat met the requirements for adjustment",
  },
  "rebid.req.minScore": {
    zh: "综合成绩 {value} 低于最低分数 {limit}",
    en: "composite {value} below the minimum score {limit}",
  },
  "rebid.req.education": { zh: "学历{value}低于要求的{limit}", en: "education {value} below the required {limit}" },
  "rebid.req.age": { zh: "年龄 {value} 超过上限 {limit}", en: "age {value} above the maximum {limit}" },
  "rebid.req.years": {
    zh: "工龄 {value} 低于要求的 {limit}",
    en: "years of service {value} below the required {limit}",
  },
  "rebid.req.sep": { zh: "，", en: ", " },
  "rebid.blank": { zh: "（未填）", en: "(blank)" },

  "rebid.sheet.placements": { zh: "竞聘结果", en: "Placements" },
  "rebid.sheet.postFill": { zh: "岗位录取", en: "Post Fill" },
  "rebid.col.staffId": { zh: "工号", en: "Staff ID" },
  "rebid.col.name": { zh: "姓名", en: "Name" },
  "rebid.col.unit": { zh: "原单位", en: "Unit" },
  "rebid.col.composite": { zh: "综合成绩", en: "Composite" },
  "rebid.col.postId": { zh: "岗位编号", en: "Post ID" },
  "rebid.col.title": { zh: "岗位名称", en: "Title" },
  "rebid.col.postUnit": { zh: "所属部门", en: "Unit" },
  "rebid.col.category": { zh: "岗位类别", en: "Category" },
  "rebid.col.outcome": { zh: "录取结果", en: "Outcome" },
  "rebid.col.choiceRank": { zh: "志愿序号", en: "Choice Rank" },
  "rebid.col.reason": { zh: "原因", en: "Reason" },
  "rebid.col.tie": { zh: "同分标记", en: "Tie" },
  "rebid.col.bottom": { zh: "末位", en: "Bottom" },
  "rebid.col.quota": { zh: "职数", en: "Quota" },
  "rebid.col.placed": { zh: "录取人数", en: "Placed" },
  "rebid.col.vacancies": { zh: "空缺", en: "Vacancies" },
  "rebid.col.cutoff": { zh: "录取分数线", en: "Cutoff" },
  "rebid.col.tieAtCutoff": { zh: "分数线同分", en: "Tie at Cutoff" },
  "rebid.col.placedByChoice": { zh: "按志愿录取", en: "By Choice" },
  "rebid.col.adjusted": { zh: "调剂录取", en: "Adjusted" },
  "rebid.chart.fill": { zh: "各岗位职数与录取人数", en: "Quota vs placed by post" },
  "rebid.note.settings": {
    zh: "志愿模式：{mechanism}；调剂：{adjustment}；标准化：{normalization}；小数位：{decimals}",
    en: "Mechanism: {mechanism}; adjustment: {adjustment}; normalisation: {normalization}; decimals: {decimals}",
  },
  "rebid.note.counts": {
    zh: "候选人 {candidates}：按志愿录取 {placed}，调剂 {adjusted}，未录取 {notSelected}，不符合条件 {ineligible}，未填志愿 {noChoices}，随职能划转 {transferred}",
    en: "Candidates {candidates}: placed {placed}, adjusted {adjusted}, not selected {notSelected}, ineligible {ineligible}, no choices {noChoices}, transferred {transferred}",
  },
  "rebid.note.fill": {
    zh: "职数 {quota}，录取 {filled}，空缺 {unfilled}；不稳定对（阻塞对）{blocking}；按名单顺序决定的同分 {rowOrderTies}",
    en: "Quota {quota}, placed {filled}, unfilled {unfilled}; blocking pairs {blocking}; ties decided by row order {rowOrderTies}",
  },
  "rebid.mechanism.parallel": { zh: "平行志愿", en: "parallel" },
  "rebid.mechanism.sequential": { zh: "顺序志愿", en: "sequential" },
  "rebid.yes": { zh: "是", en: "yes" },
  "rebid.no": { zh: "否", en: "no" },

  "rebid.fn.weightsShape": {
    zh: "权重应为两行（标题行和权重行），或带“岗位类别”列的权重表",
    en: "Weights must be two rows (headers and weights) or a Weights table with a Category column",
  },
  "rebid.fn.badOption": {
    zh: "参数“{column}”的值“{value}”无效，可选：{allowed}",
    en: "Argument “{column}” value “{value}” is not valid; use one of: {allowed}",
  },
  "rebid.fn.sizeMismatch": {
    zh: "“{column}”的行数 {value} 与成绩的行数 {expected} 不同",
    en: "“{column}” has {value} rows but the scores have {expected}",
  },
} satisfies MessageTable;
