import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from "@fluentui/react-components";
import type { Lang } from "../../engine/types";
import { t } from "../../engine/messages";
import { formatValue } from "../format";
import type { IndicatorRow } from "../service";

export interface IndicatorTableProps {
  caption: string;
  columns: ReadonlyArray<string>;
  rows: ReadonlyArray<IndicatorRow>;
  lang: Lang;
}

/** Indicators down, scenarios or swept values across. */
export function IndicatorTable({ caption, columns, rows, lang }: IndicatorTableProps) {
  return (
    <Table size="small" aria-label={caption}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t("ui.scenarios.indicator", lang)}</TableHeaderCell>
          {columns.map((c, i) => (
            <TableHeaderCell key={i}>{c}</TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.id}>
            <TableCell>{t(`ui.indicator.${r.id}`, lang)}</TableCell>
            {r.values.map((v, i) => (
              <TableCell key={i}>{formatValue(v, r.kind, lang)}</TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
