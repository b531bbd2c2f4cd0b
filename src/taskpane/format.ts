/** Numbers as the panes show them: money in yuan with two decimals, percentages, counts. */
import type { Indicator, IndicatorId } from "../engine/reform/types";
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

/** Indicators that are a change (after minus before): shown with a sign, "+" for a rise. */
const CHANGES: ReadonlySet<IndicatorId> = new Set<IndicatorId>(["payrollChange"]);

/**
 * An indicator's value as a card or a table shows it: as formatValue, with "+" before a rise of an
 * indicator that is a change.
 *
 * @example formatIndicator("payrollChange", 104064, "money", "zh") // => "+¥104,064.00"
 * @example formatIndicator("payrollAfter", 104064, "money", "zh") // => "¥104,064.00"
 */
export function formatIndicator(id: IndicatorId, value: number | null, kind: Indicator["kind"], lang: Lang): string {
  const text = formatValue(value, kind, lang);
  return CHANGES.has(id) && value !== null && value > 0 ? `+${text}` : text;
}

/** A list of table ids in the user's words (Chinese or English table names). */
export function joinList(items: ReadonlyArray<string>, lang: Lang): string {
  return items.join(lang === "zh" ? "、" : ", ");
}
