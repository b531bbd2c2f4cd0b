import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Lang } from "../../engine/types";
import { t } from "../../engine/messages";
import { formatIndicator } from "../format";
import type { IndicatorRow } from "../service";

export interface IndicatorTableProps {
  caption: string;
  columns: ReadonlyArray<string>;
  rows: ReadonlyArray<IndicatorRow>;
  lang: Lang;
}

const useStyles = makeStyles({
  // Figures right-aligned so that digits line up down a column; the indicator's name keeps some width.
  // Figures never break ("+¥104,064.00" on one line); narrow padding so three scenarios fit a 420 px pane.
  number: {
    textAlign: "right",
    justifyContent: "flex-end",
    fontVariantNumeric: "tabular-nums",
    whiteSpace: "nowrap",
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
  },
  name: { minWidth: "5em", paddingLeft: 0, paddingRight: tokens.spacingHorizontalXS },
  // Columns as wide as their figures (Fluent's fixed layout splits the width evenly and lets long
  // figures run into the next column); when three scenarios do not fit a 320 px pane, the table scrolls
  // sideways inside its box (the panes wrap it in one) instead of overlapping.
  table: { tableLayout: "auto" },
  // The header cell's content sits in a flex "button" slot.
  headButton: { justifyContent: "flex-end" },
});

/** Indicators down, scenarios or swept values across. */
export function IndicatorTable({ caption, columns, rows, lang }: IndicatorTableProps) {
  const styles = useStyles();
  return (
    <Table size="small" aria-label={caption} className={styles.table}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell className={styles.name}>{t("ui.scenarios.indicator", lang)}</TableHeaderCell>
          {columns.map((c, i) => (
            <TableHeaderCell key={i} className={styles.number} button={{ className: styles.headButton }}>
              {c}
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.id}>
            <TableCell className={styles.name}>{t(`ui.indicator.${r.id}`, lang)}</TableCell>
            {r.values.map((v, i) => (
              <TableCell key={i} className={styles.number}>
                {formatIndicator(r.id, v, r.kind, lang)}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
