import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
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
  number: { textAlign: "right", justifyContent: "flex-end", fontVariantNumeric: "tabular-nums" },
  name: { minWidth: "6em" },
  // The header cell's content sits in a flex "button" slot.
  headButton: { justifyContent: "flex-end" },
});

/** Indicators down, scenarios or swept values across. */
export function IndicatorTable({ caption, columns, rows, lang }: IndicatorTableProps) {
  const styles = useStyles();
  return (
    <Table size="small" aria-label={caption}>
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
