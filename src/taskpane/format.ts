/** Numbers as the panes show them: money in yuan with two decimals, percentages, counts. */
import type { Indicator } from "../engine/reform/types";
import type { Lang } from "../engine/types";
import { t } from "../engine/messages";

function locale(lang: Lang): string {
  return lang === "zh" ? "zh-CN" : "en-US";
}

/**
 * An indicator value for a card or a table cell; "—" when the model did not run.
 *
 * @example formatValue(1234.5, "money", "en") // => "¥1,234.50"
 * @example formatValue(0.125, "percent", "en") // => "12.5%"
 */
export function formatValue(value: number | null, kind: Indicator["kind"], lang: Lang): string {
  if (value === null || !Number.isFinite(value)) return t("ui.indicator.none", lang);
  switch (kind) {
    case "money": {
      const s = Math.abs(value).toLocaleString(locale(lang), { minimumFractionDigits: 2, maximumFractionDigits: 2 });
      return `${value < 0 ? "-" : ""}¥${s}`;
    }
    case "percent":
      return `${(value * 100).toLocaleString(locale(lang), { minimumFractionDigits: 1, maximumFractionDigits: 1 })}%`;
    case "integer":
      return value.toLocaleString(locale(lang), { maximumFractionDigits: 0 });
  }
}

/** A list of table ids in the user's words (Chinese or English table names). */
export function joinList(items: ReadonlyArray<string>, lang: Lang): string {
  return items.join(lang === "zh" ? "、" : ", ");
}
