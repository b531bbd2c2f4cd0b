import type { MessageTable } from "./table";

/** Messages of the headcount area (keys prefixed "headcount." and "pool."). */
export const headcountMessages = {
  // ---- problems: headcount
  "headcount.mergeIntoRemoved": {
    zh: "“{unit}”并入的“{target}”已撤销或划转属地",
    en: "“{unit}” is merged into “{target}”, which is abolished or transferred to the local government",
  },
  "headcount.mergeCycle": {
    zh: "“{unit}”的改革后去向“{target}”形成循环合并",
    en: "“{unit}” is merged into “{target}”, which leads back to it (a merge cycle)",
  },
  "headcount.mixedFunction": {
    zh: "合并后的“{body}”由不同职能类别的机构组成，按“{function}”计",
    en: "“{body}” merges bodies of different functions; counted as “{function}”",
  },
  "headcount.rankingUnknownUnit": {
    zh: "排名中的“{unit}”不在机构表中",
    en: "“{unit}” in the ranking is not in the Units table",
  },
  "headcount.rankingTie": {
    zh: "“{unit}”与边界单位并列第 {rank} 名，一并调整领导职数",
    en: "“{unit}” ties at rank {rank} across the boundary; its leader quota moves with the tie",
  },
  "headcount.badSetting": {
    zh: "编制参数“{column}”的值“{value}”无效",
    en: "Headcount setting “{column}” has an invalid value “{value}”",
  },
  "headcount.blankCount": {
    zh: "“{unit}”的“{column}”为空，按 0 计",
    en: "“{column}” of “{unit}” is blank; counted as 0",
  },
  "headcount.poolSkipped": {
    zh: "周转编制台账有错误，借用的周转编制未列入机构核查",
    en: "The pool ledger has errors; borrowed pool slots are not shown in the unit check",
  },
  "headcount.economicBelowFloor": {
    zh: "改革后经济发展类机构 {economic} 个，占职能机构 {functional} 个的 {share}，低于 {floor}",
    en: "After the reform {economic} of {functional} functional bodies are economic-development bodies ({share}), below the {floor} floor",
  },
  "headcount.overCeiling": {
    zh: "竞聘上岗 {placed} 人，超过员额控制数 {ceiling}",
    en: "{placed} staff placed by re-bidding exceed the staff ceiling of {ceiling}",
  },

  // ---- problems: pool
  "pool.refused": {
    zh: "“{unit}”借用{kind}周转编制 {slots} 个超过容量（当时可用 {available} 个），不予借用",
    en: "“{unit}” asks for {slots} {kind} pool slots with only {available} free; the loan is refused",
  },
  "pool.refusedNoCapacity": {
    zh: "“{unit}”借用的编制类型“{kind}”没有周转池容量，{slots} 个不予借用（可用 {available} 个）",
    en: "Pool kind “{kind}” of “{unit}” has no capacity; {slots} slots refused ({available} free)",
  },
  "pool.returnWithoutLoan": {
    zh: "“{unit}”的 {slots} 个周转编制归还日期 {returned} 早于借用日期 {borrowed}，没有对应的借用，未计入",
    en: "“{unit}” returns {slots} pool slots on {returned}, before borrowing them on {borrowed}: no matching loan; left out",
  },
  "pool.badSetting": {
    zh: "周转池参数“{column}”的值“{value}”无效",
    en: "Pool setting “{column}” has an invalid value “{value}”",
  },
  "pool.noAsOf": {
    zh: "未给出基准日期，台账中也没有日期",
    en: "No as-of date was given and the ledger has no dates",
  },
  "pool.asOfFromLedger": {
    zh: "未给出基准日期，按台账中最近的借用或归还日期 {date} 计算",
    en: "No as-of date was given; the ledger's latest borrowed or returned date, {date}, is used",
  },
  "pool.noCapacity": {
    zh: "未设定周转池容量：不检查超容量借用，可用数和使用率无法计算",
    en: "No pool capacity is set: loans are not checked against it and available slots and utilisation are unknown",
  },

  // ---- sheets: headcount
  "headcount.sheet.units": { zh: "编制分析", en: "Headcount" },
  "headcount.sheet.reform": { zh: "改革前后对比", en: "Reform Before-After" },
  "headcount.sheet.ranking": { zh: "排名调整职数", en: "Ranking Quotas" },
  "headcount.sheet.functions": { zh: "职能清单分析", en: "Functions List" },
  "headcount.sheet.stripped": { zh: "划转属地职能", en: "Functions Stripped" },
  "headcount.col.row": { zh: "行号", en: "Row" },
  "headcount.col.unit": { zh: "单位", en: "Unit" },
  "headcount.col.type": { zh: "类型", en: "Type" },
  "headcount.col.level": { zh: "规格", en: "Level" },
  "headcount.col.function": { zh: "职能", en: "Function" },
  "headcount.col.kind": { zh: "编制类型", en: "Kind" },
  "headcount.col.authorized": { zh: "核定编制", en: "Authorized" },
  "headcount.col.actual": { zh: "实有人数", en: "Actual" },
  "headcount.col.vacancies": { zh: "空编", en: "Vacancies" },
  "headcount.col.over": { zh: "超编", en: "Over Establishment" },
  "headcount.col.leaderQuota": { zh: "领导职数", en: "Leader Quota" },
  "headcount.col.actualLeaders": { zh: "实配领导", en: "Actual Leaders" },
  "headcount.col.leadersOver": { zh: "超职数", en: "Leaders Over Quota" },
  "headcount.col.poolSlots": { zh: "借用周转编制", en: "Pool Slots Borrowed" },
  "headcount.col.after": { zh: "改革后去向", en: "After Reform" },
  "headcount.col.item": { zh: "项目", en: "Item" },
  "headcount.col.before": { zh: "改革前", en: "Before" },
  "headcount.col.afterCount": { zh: "改革后", en: "After" },
  "headcount.col.change": { zh: "增减", en: "Change" },
  "headcount.col.rate": { zh: "精简比例", en: "Reduction Rate" },
  "headcount.col.rateText": { zh: "精简比例（文字）", en: "Rate (text)" },
  "headcount.col.rank": { zh: "排名", en: "Rank" },
  "headcount.col.adjust": { zh: "职数调整", en: "Change" },
  "headcount.col.adjusted": { zh: "调整后职数", en: "Adjusted Quota" },
  "headcount.col.overAdjusted": { zh: "超调整后职数", en: "Over Adjusted Quota" },
  "headcount.col.tie": { zh: "并列", en: "Tie" },
  "headcount.col.group": { zh: "分组", en: "Group" },
  "headcount.col.name": { zh: "名称", en: "Name" },
  "headcount.col.items": { zh: "事项数", en: "Items" },
  "headcount.col.economic": { zh: "经济发展", en: "Economic" },
  "headcount.col.social": { zh: "社会事务", en: "Social" },
  "headcount.col.other": { zh: "其他", en: "Other" },
  "headcount.col.stripped": { zh: "划转属地", en: "Stripped" },
  "headcount.col.fnItem": { zh: "职能事项", en: "Item" },
  "headcount.col.owner": { zh: "承担单位", en: "Owner" },
  "headcount.col.category": { zh: "职能类别", en: "Category" },
  "headcount.group.owner": { zh: "承担单位", en: "Owner" },
  "headcount.group.category": { zh: "职能类别", en: "Category" },
  "headcount.fate.keep": { zh: "保留", en: "Kept" },
  "headcount.fate.merge": { zh: "并入{target}", en: "Merged into {target}" },
  "headcount.fate.abolish": { zh: "撤销", en: "Abolished" },
  "headcount.fate.transfer": { zh: "划转属地", en: "Transferred to local government" },
  "headcount.row.bodies": { zh: "机构数", en: "Bodies" },
  "headcount.row.bodiesByType": { zh: "机构数（{group}）", en: "Bodies ({group})" },
  "headcount.row.bodiesByLevel": { zh: "机构数（{group}）", en: "Bodies ({group})" },
  "headcount.row.authorized": { zh: "核定编制", en: "Authorized headcount" },
  "headcount.row.authorizedByKind": { zh: "核定编制（{group}）", en: "Authorized headcount ({group})" },
  "headcount.row.leaderPosts": { zh: "领导职数", en: "Leader posts" },
  "headcount.row.staff": { zh: "人员", en: "Staff" },
  "headcount.row.economicBodies": { zh: "经济发展类机构", en: "Economic-development bodies" },
  "headcount.row.functionalBodies": { zh: "职能机构", en: "Functional bodies" },
  "headcount.notGiven": { zh: "（未注明）", en: "(not given)" },
  "headcount.totalRow": { zh: "合计", en: "Total" },
  "headcount.note.byKind": {
    zh: "{kind}：{units} 个单位，核定编制 {authorized}，实有 {actual}，空编 {vacancies}，超编 {over}，借用周转编制 {pool}",
    en: "{kind}: {units} units, authorized {authorized}, actual {actual}, vacancies {vacancies}, over establishment {over}, pool slots borrowed {pool}",
  },
  "headcount.note.leadersOver": {
    zh: "{units} 个单位超领导职数，合计超 {posts} 职",
    en: "{units} units exceed their leader quota, by {posts} posts in all",
  },
  "headcount.note.pool": {
    zh: "借用的周转编制（截至 {date}）单独列示，不计入单位自身编制",
    en: "Pool slots borrowed (as of {date}) are shown apart and not counted in the unit's own establishment",
  },
  "headcount.note.rate": {
    zh: "精简比例 =（改革前 − 改革后）÷ 改革前，四舍五入到 0.1%",
    en: "Reduction rate = (before − after) ÷ before, rounded half up to 0.1%",
  },
  "headcount.note.staffRebid": {
    zh: "改革后人员为竞聘上岗人数 {placed}",
    en: "Staff after = {placed} placed by re-bidding",
  },
  "headcount.note.staffCarried": {
    zh: "改革后人员为保留及并入单位的现有人员（未给出竞聘上岗人数）",
    en: "Staff after = staff of the kept and merged units (no re-bidding figure was given)",
  },
  "headcount.note.ceiling": {
    zh: "竞聘上岗 {placed} 人，员额控制数 {ceiling}，余 {headroom}：{verdict}",
    en: "{placed} placed by re-bidding against a staff ceiling of {ceiling}, headroom {headroom}: {verdict}",
  },
  "headcount.note.within": { zh: "未超出", en: "within the ceiling" },
  "headcount.note.over": { zh: "超出", en: "over the ceiling" },
  "headcount.note.share": {
    zh: "改革后经济发展类机构占职能机构比例 {share}（{economic}/{functional}），下限 {floor}：{verdict}",
    en: "Economic-development share of functional bodies after the reform {share} ({economic}/{functional}), floor {floor}: {verdict}",
  },
  "headcount.note.shareOk": { zh: "符合", en: "met" },
  "headcount.note.shareLow": { zh: "低于下限", en: "below the floor" },
  "headcount.note.transferred": {
    zh: "划转属地 {units} 个单位，核定编制 {authorized}，人员 {actual}，领导职数 {leaders}",
    en: "{units} units transferred to the local government: authorized {authorized}, staff {actual}, leader posts {leaders}",
  },
  "headcount.note.noPlan": {
    zh: "机构表没有“改革后”列：全部机构按保留计",
    en: "The Units table has no After Reform column: every unit is taken as kept",
  },
  "headcount.note.ranking": {
    zh: "前 {top} 名各增加 {gain} 个领导职数，后 {bottom} 名各减少 {loss} 个",
    en: "The top {top} gain {gain} leader post(s) each; the last {bottom} lose {loss} each",
  },
  "headcount.note.fnShare": {
    zh: "经济发展类事项占比：改革前 {before}，改革后 {after}",
    en: "Economic-development share of items: {before} before, {after} after",
  },
  "headcount.note.socialRetained": {
    zh: "仍保留的社会事务类事项 {count} 项",
    en: "{count} social-affairs items are still kept by the zone",
  },
  "headcount.chart.title": { zh: "改革前后对比", en: "Before and after the reform" },

  // ---- sheets: pool
  "pool.sheet.pool": { zh: "周转编制池", en: "Pool" },
  "pool.sheet.loans": { zh: "周转编制借用", en: "Pool Loans" },
  "pool.col.kind": { zh: "编制类型", en: "Kind" },
  "pool.col.capacity": { zh: "容量", en: "Capacity" },
  "pool.col.lent": { zh: "借出", en: "Lent" },
  "pool.col.available": { zh: "可用", en: "Available" },
  "pool.col.utilisation": { zh: "使用率", en: "Utilisation" },
  "pool.col.row": { zh: "行号", en: "Row" },
  "pool.col.unit": { zh: "单位", en: "Unit" },
  "pool.col.slots": { zh: "数量", en: "Slots" },
  "pool.col.borrowed": { zh: "借用日期", en: "Borrowed" },
  "pool.col.due": { zh: "归还期限", en: "Due" },
  "pool.col.returned": { zh: "归还日期", en: "Returned" },
  "pool.col.purpose": { zh: "用途", en: "Purpose" },
  "pool.col.status": { zh: "状态", en: "Status" },
  "pool.col.daysOverdue": { zh: "逾期天数", en: "Days Overdue" },
  "pool.col.dueSoon": { zh: "即将到期", en: "Due Soon" },
  "pool.allKinds": { zh: "全部", en: "All kinds" },
  "pool.total": { zh: "合计", en: "Total" },
  "pool.status.active": { zh: "借用中", en: "Active" },
  "pool.status.overdue": { zh: "逾期未还", en: "Overdue" },
  "pool.status.returned": { zh: "已归还", en: "Returned" },
  "pool.status.refused": { zh: "超容量未借", en: "Refused" },
  "pool.status.invalid": { zh: "无对应借用", en: "No matching loan" },
  "pool.status.future": { zh: "尚未借用", en: "Not yet borrowed" },
  "pool.note.asOf": { zh: "基准日期 {date}", en: "As of {date}" },
  "pool.note.asOfLedger": {
    zh: "基准日期 {date}（未给出，取台账中最近的借用或归还日期）",
    en: "As of {date} (not given; the ledger's latest borrowed or returned date)",
  },
  "pool.note.summary": {
    zh: "逾期未还 {overdue} 笔，{months} 个月内到期 {dueSoon} 笔，超容量未借 {refused} 笔，无对应借用 {invalid} 笔",
    en: "{overdue} overdue, {dueSoon} due within {months} months, {refused} refused for capacity, {invalid} without a matching loan",
  },
  "pool.note.rules": {
    zh: "同一天先归还后借用；当天借当天还的借用需有空余编制，当天结束时不占编制；超容量的借用不予借用",
    en: "On one day returns come before borrows; a loan borrowed and returned the same day needs a free slot but holds none at the end of the day; a loan above capacity is refused",
  },
  "pool.note.noCapacity": { zh: "未设定容量", en: "No capacity set" },

  // ---- custom functions
  "headcount.fn.notNumber": {
    zh: "参数 {name} 的值“{value}”不是数字",
    en: "Argument {name} value “{value}” is not a number",
  },
  "headcount.fn.negative": { zh: "数量不能为负数", en: "Counts must not be negative" },
  "headcount.fn.zeroBefore": {
    zh: "改革前数量为 0，无法计算精简比例",
    en: "The count before is 0: no reduction rate can be stated",
  },
  "headcount.fn.notDate": { zh: "日期参数“{value}”不是日期", en: "Date argument “{value}” is not a date" },
  "headcount.fn.ledger": { zh: "台账", en: "ledger" },
  "headcount.fn.units": { zh: "机构", en: "units" },
  "headcount.fn.failed": { zh: "无法计算", en: "Cannot be calculated" },
} satisfies MessageTable;
