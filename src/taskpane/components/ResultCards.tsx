import { Caption1, Card, Title3, makeStyles, tokens } from "@fluentui/react-components";
import type { Indicator, IndicatorId } from "../../engine/reform/types";
import type { Lang } from "../../engine/types";
import { t } from "../../engine/messages";
import { formatIndicator } from "../format";

const useStyles = makeStyles({
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(140px, 1fr))",
    gap: tokens.spacingHorizontalS,
  },
  card: { padding: tokens.spacingHorizontalM },
  bad: { color: tokens.colorPaletteRedForeground1 },
});

export interface ResultCardsProps {
  indicators: ReadonlyArray<Indicator>;
  /** Which indicators to show, in order. */
  show: ReadonlyArray<IndicatorId>;
  lang: Lang;
}

/** One card per indicator: its name and value (— when the model did not run). */
export function ResultCards({ indicators, show, lang }: ResultCardsProps) {
  const styles = useStyles();
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const cards = show.map((id) => byId.get(id)).filter((i): i is Indicator => i !== undefined);
  if (cards.length === 0) return null;
  return (
    <section aria-label={t("ui.results", lang)} className={styles.grid}>
      {cards.map((ind) => {
        const label = t(`ui.indicator.${ind.id}`, lang);
        const negative = ind.value !== null && ind.value < 0;
        return (
          <Card key={ind.id} className={styles.card} role="group" aria-label={label}>
            <Caption1>{label}</Caption1>
            <Title3 className={negative ? styles.bad : undefined}>
              {formatIndicator(ind.id, ind.value, ind.kind, lang)}
            </Title3>
          </Card>
        );
      })}
    </section>
  );
}
