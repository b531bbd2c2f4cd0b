import type { MessageTable } from "./table";

/** Messages of the workbook hosts (Office.js and the in-memory preview), keys prefixed "host.". */
export const hostMessages = {
  "host.sheetExists": {
    zh: "工作表“{sheet}”已存在；确认替换后才会覆盖",
    en: "Sheet “{sheet}” already exists; it is replaced only after you confirm",
  },
  "host.inputSheet": {
    zh: "工作表“{sheet}”存放输入表，结果不会写入该表",
    en: "Sheet “{sheet}” holds an input table; results are never written there",
  },
  "host.duplicateSheet": {
    zh: "要写入的工作表名“{sheet}”重复",
    en: "Sheet name “{sheet}” is used twice in one write",
  },
  "host.badSheetName": {
    zh: "“{sheet}”不能作工作表名（不超过 31 个字符，不含 []:*?/\\）",
    en: "“{sheet}” cannot be a sheet name (at most 31 characters, none of []:*?/\\)",
  },
  "host.sheetMissing": {
    zh: "找不到工作表“{sheet}”",
    en: "Sheet “{sheet}” was not found",
  },
  "host.cancelled": {
    zh: "已取消",
    en: "Cancelled",
  },
  "host.noWorkbook": {
    zh: "尚未打开工作簿",
    en: "No workbook is open",
  },
  "host.notXlsx": {
    zh: "无法读取该文件：{reason}",
    en: "The file could not be read: {reason}",
  },
  "host.chartNote": {
    zh: "图表“{title}”：分类为“{category}”列，数据为{series}列；在 Excel 中打开后可插入图表",
    en: "Chart “{title}”: categories in column “{category}”, data in {series}; insert it after opening the file in Excel",
  },
} satisfies MessageTable;
