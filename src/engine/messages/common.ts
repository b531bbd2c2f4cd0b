import type { MessageTable } from "./table";

/** Messages for table reading and general input problems. */
export const commonMessages = {
  "table.missing": {
    zh: "缺少表“{table}”",
    en: "Table “{table}” is missing",
  },
  "table.empty": {
    zh: "表“{table}”没有数据行",
    en: "Table “{table}” has no data rows",
  },
  "column.missing": {
    zh: "表“{table}”缺少必需的列“{column}”",
    en: "Table “{table}” is missing the required column “{column}”",
  },
  "column.missingFor": {
    zh: "表“{table}”缺少“{model}”所需的列“{column}”",
    en: "Table “{table}” is missing the column “{column}” needed by {model}",
  },
  "column.duplicateHeader": {
    zh: "列标题“{column}”与第 {other} 列重复，只使用第一列",
    en: "Column header “{column}” repeats column {other}; only the first is used",
  },
  "cell.required": {
    zh: "“{column}”不能为空",
    en: "“{column}” must not be blank",
  },
  "cell.duplicateId": {
    zh: "“{column}”的值“{value}”重复（首次出现在第 {first} 行）",
    en: "“{column}” value “{value}” is a duplicate (first seen in row {first})",
  },
  "cell.notNumber": {
    zh: "“{column}”的值“{value}”不是数字",
    en: "“{column}” value “{value}” is not a number",
  },
  "cell.notInteger": {
    zh: "“{column}”的值“{value}”不是整数",
    en: "“{column}” value “{value}” is not a whole number",
  },
  "cell.belowMin": {
    zh: "“{column}”的值 {value} 小于下限 {min}",
    en: "“{column}” value {value} is below the minimum {min}",
  },
  "cell.aboveMax": {
    zh: "“{column}”的值 {value} 大于上限 {max}",
    en: "“{column}” value {value} is above the maximum {max}",
  },
  "cell.notYesNo": {
    zh: "“{column}”的值“{value}”不是“是/否”",
    en: "“{column}” value “{value}” is not yes/no",
  },
  "cell.notEducation": {
    zh: "“{column}”的值“{value}”不是已知学历（高中、大专、本科、硕士、博士）",
    en: "“{column}” value “{value}” is not a known education level (high school, college, bachelor, master, doctorate)",
  },
  "cell.notDate": {
    zh: "“{column}”的值“{value}”不是日期",
    en: "“{column}” value “{value}” is not a date",
  },
  "cell.notChoice": {
    zh: "“{column}”的值“{value}”不是可选值之一：{allowed}",
    en: "“{column}” value “{value}” is not one of: {allowed}",
  },
  "problem.where": {
    zh: "表“{table}”第 {row} 行“{column}”列",
    en: "table “{table}”, row {row}, column “{column}”",
  },
  "problem.whereRow": {
    zh: "表“{table}”第 {row} 行",
    en: "table “{table}”, row {row}",
  },
  "problem.whereTable": {
    zh: "表“{table}”",
    en: "table “{table}”",
  },
  "severity.error": { zh: "错误", en: "Error" },
  "severity.warning": { zh: "警告", en: "Warning" },
  "severity.info": { zh: "提示", en: "Note" },
  "function.moreProblems": {
    zh: "（另有 {count} 个问题）",
    en: " (and {count} more problems)",
  },
} satisfies MessageTable;
