import type { MessageTable } from "./table";

/** Messages of the headless runner and the .xlsx layer (keys prefixed "cli."). */
export const cliMessages = {
  "cli.notXlsx": {
    zh: "{file} 不是 .xlsx 工作簿（或文件已损坏）",
    en: "{file} is not an .xlsx workbook (or it is damaged)",
  },
  "cli.encrypted": {
    zh: "{file} 设有打开密码，请在 Excel 中取消密码后另存再试",
    en: "{file} is password-protected; remove the password in Excel, save, and try again",
  },
  "cli.truncated": {
    zh: "{file} 不完整（文件被截断），请重新复制或保存后再试",
    en: "{file} is incomplete (truncated); copy or save it again and retry",
  },
  "cli.cannotRead": { zh: "无法读取 {file}：{reason}", en: "Cannot read {file}: {reason}" },
  "cli.cannotWrite": { zh: "无法写入 {file}：{reason}", en: "Cannot write {file}: {reason}" },
  "cli.outIsInput": {
    zh: "输出文件不能与输入文件相同（{file}），输入文件不会被修改",
    en: "The output file must differ from the input ({file}); the input is never modified",
  },
  "cli.usage": {
    zh: "用法：\n  reform sample [--out 文件.xlsx] [--lang zh|en]      写出示例工作簿\n  reform check 文件.xlsx [--lang zh|en]                检查表格，逐条列出“工作表!单元格: 问题”\n  reform run 文件.xlsx [--out 结果.xlsx] [--lang zh|en] [--scenario 名称 | --all-scenarios] [--json]\n                                                      运行全部模型，写出结果工作簿\n  reform run 文件.xlsx --sweep 参数=起:止:步长           另对一个参数做扫描，如 --sweep 面试权重=0.2:0.6:0.1\n  reform demo [--out 目录]                             写出示例并运行全部模型\n  reform --help                                        显示本帮助",
    en: 'Usage:\n  reform sample [--out FILE.xlsx] [--lang zh|en]      write the sample workbook\n  reform check FILE.xlsx [--lang zh|en]                check the tables, one “Sheet!Cell: problem” per line\n  reform run FILE.xlsx [--out OUT.xlsx] [--lang zh|en] [--scenario NAME | --all-scenarios] [--json]\n                                                      run every model, write a result workbook\n  reform run FILE.xlsx --sweep PARAM=START:END:STEP      also sweep one parameter, e.g. --sweep "Interview Weight=0.2:0.6:0.1"\n  reform demo [--out DIR]                              write the sample and run every model on it\n  reform --help                                        show this help',
  },
  "cli.badArgs": { zh: "参数有误：{reason}", en: "Bad arguments: {reason}" },
  "cli.unknownCommand": { zh: "未知命令“{command}”", en: "Unknown command “{command}”" },
  "cli.missingFile": { zh: "请指定一个 .xlsx 文件", en: "Please name an .xlsx file" },
  "cli.badLang": { zh: "语言只能是 zh 或 en，而不是“{value}”", en: "Language must be zh or en, not “{value}”" },
  "cli.scenarioConflict": {
    zh: "--scenario 与 --all-scenarios 只能选一个",
    en: "Use either --scenario or --all-scenarios, not both",
  },
  "cli.reading": { zh: "读取 {file} …", en: "Reading {file} …" },
  "cli.tablesFound": { zh: "识别到的表：{tables}", en: "Tables found: {tables}" },
  "cli.noTables": {
    zh: "没有识别到任何表（人员、岗位、权重、薪酬标准、考核等次、机构、周转编制台账、方案）",
    en: "No known table found (Staff, Posts, Weights, PayScale, Ratings, Units, PoolLedger, Scenarios)",
  },
  "cli.checkSummary": {
    zh: "检查完毕：{tables} 张表，{errors} 个错误，{warnings} 个警告",
    en: "Checked {tables} tables: {errors} errors, {warnings} warnings",
  },
  "cli.unknownPost": {
    zh: "“{column}”填写的岗位“{value}”在岗位表中不存在",
    en: "“{column}” names post “{value}”, which is not in the Posts table",
  },
  "cli.unknownRating": {
    zh: "“{column}”的等次“{value}”不在考核等次表中",
    en: "“{column}” rating “{value}” is not in the Ratings table",
  },
  "cli.unknownGrade": {
    zh: "“{column}”的岗级“{value}”不在薪酬标准表中",
    en: "“{column}” grade “{value}” is not in the PayScale table",
  },
  "cli.duplicateChoice": {
    zh: "“{column}”重复填写了岗位“{value}”",
    en: "“{column}” repeats post “{value}”",
  },
  "cli.weightsSum": {
    zh: "本行权重合计为 {sum}，不等于 1",
    en: "The weights of this row add up to {sum}, not 1",
  },
  "cli.decreasingSteps": {
    zh: "“{column}”的金额 {value} 低于前一档",
    en: "“{column}” amount {value} is lower than the step before",
  },
  "cli.scenarioUnknown": {
    zh: "方案表中没有名为“{name}”的方案（已有：{names}）",
    en: "No scenario named “{name}” in the Scenarios table (there are: {names})",
  },
  "cli.scenarioUsing": { zh: "使用方案“{name}”", en: "Using scenario “{name}”" },
  "cli.scenarioBaseline": {
    zh: "没有方案表，使用默认参数",
    en: "No Scenarios table: default parameters are used",
  },
  "cli.running": { zh: "运行模型：{model} …", en: "Running {model} …" },
  "cli.scenariosRunning": { zh: "运行全部方案：{names} …", en: "Running every scenario: {names} …" },
  "cli.scenarioModelFailed": {
    zh: "方案“{name}”：{model}未能完成（参数有误，见问题清单）",
    en: "Scenario “{name}”: {model} could not finish (bad parameter; see the problems list)",
  },
  "cli.sweepRunning": {
    zh: "参数扫描：{param} 从 {start} 到 {end}，步长 {step} …",
    en: "Sweep: {param} from {start} to {end}, step {step} …",
  },
  "cli.badSweep": {
    zh: "--sweep 的写法应为 参数=起:止:步长，如 面试权重=0.2:0.6:0.1，而不是“{value}”",
    en: '--sweep takes PARAM=START:END:STEP, e.g. "Interview Weight=0.2:0.6:0.1", not “{value}”',
  },
  "cli.problemsSheet": { zh: "问题清单", en: "Problems" },
  "cli.col.severity": { zh: "级别", en: "Severity" },
  "cli.col.cell": { zh: "位置", en: "Cell" },
  "cli.col.message": { zh: "说明", en: "Message" },
  "cli.sameKind.warning": { zh: "……同类警告另有 {count} 条", en: "… and {count} more warnings like this" },
  "cli.sameKind.info": { zh: "……同类提示另有 {count} 条", en: "… and {count} more notes like this" },
  "cli.modelSkipped": {
    zh: "{model}：缺少表 {tables}，未运行",
    en: "{model}: skipped, missing table(s) {tables}",
  },
  "cli.modelFailed": {
    zh: "{model}：因 {count} 个问题未能完成",
    en: "{model}: stopped by {count} problem(s)",
  },
  "cli.modelDone": { zh: "{model}：完成", en: "{model}: done" },
  "cli.modelDoneWith": { zh: "{model}：完成（{figures}）", en: "{model}: done ({figures})" },
  "cli.writing": { zh: "写入 {file} …", en: "Writing {file} …" },
  "cli.written": { zh: "结果已写入：{file}", en: "Result written to: {file}" },
  "cli.resultSheets": { zh: "结果工作表：{sheets}", en: "Result sheets: {sheets}" },
  "cli.noResults": {
    zh: "没有模型产生结果，仍写出了输入工作表的副本",
    en: "No model produced a result; the output holds a copy of the input sheets",
  },
  "cli.demoSample": { zh: "示例工作簿：{file}", en: "Sample workbook: {file}" },
  "cli.demoResult": { zh: "运行结果：{file}", en: "Result workbook: {file}" },
  "cli.model.rebid": { zh: "竞聘上岗", en: "Re-bidding" },
  "cli.model.pay": { zh: "薪酬套改", en: "Pay conversion" },
  "cli.model.perf": { zh: "绩效分配", en: "Performance pay" },
  "cli.model.headcount": { zh: "编制分析", en: "Headcount" },
  "cli.model.pool": { zh: "周转编制池", en: "Revolving pool" },
  "cli.moreProblems": {
    zh: "共 {errors} 个错误、{warnings} 个警告、{notes} 条提示，完整清单见结果工作簿的“{sheet}”工作表",
    en: "{errors} errors, {warnings} warnings and {notes} notes in all; the full list is in the “{sheet}” sheet of the result workbook",
  },
  "cli.notesHeader": { zh: "说明", en: "Notes" },
  "cli.chartNote": {
    zh: "图表“{title}”（{type}）：以“{category}”为分类、{series} 为系列，请选中这些列插入图表（本工具无法直接生成图表）",
    en: "Chart “{title}” ({type}): categories “{category}”, series {series}; select these columns and insert a chart (this tool cannot create charts)",
  },
  "cli.chart.column": { zh: "柱形图", en: "column chart" },
  "cli.chart.bar": { zh: "条形图", en: "bar chart" },
  "cli.chart.line": { zh: "折线图", en: "line chart" },
  "cli.chart.pie": { zh: "饼图", en: "pie chart" },
  "cli.internalError": {
    zh: "内部错误：{reason}（请报告此问题）",
    en: "Internal error: {reason} (please report this)",
  },
} satisfies MessageTable;
