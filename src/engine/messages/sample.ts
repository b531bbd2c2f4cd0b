import type { MessageTable } from "./table";

/** Messages of the sample area (keys prefixed "sample."). */
export const sampleMessages = {
  "sample.written": {
    zh: "已写入示例工作簿（{zone}，{staff} 人，{posts} 个岗位）：{path}",
    en: "Sample workbook written ({zone}, {staff} staff, {posts} posts): {path}",
  },
  "sample.description": {
    zh: "虚构的{zone}：人员、岗位、权重、薪酬标准、考核等次、机构、周转编制台账和方案，均为确定性生成的示例数据",
    en: "The fictional {zone}: staff, posts, weights, pay scale, ratings, units, pool ledger and scenarios, generated deterministically",
  },
} satisfies MessageTable;
