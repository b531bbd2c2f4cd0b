import { Button, Subtitle2, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { columnLetter, formatProblem, t } from "../../engine/messages";
import type { Lang, Problem } from "../../engine/types";
import type { CellRef } from "../service";

/** Problems shown at most; the rest are counted (they are all in the result sheets). */
export const MAX_PROBLEMS_SHOWN = 200;

const useStyles = makeStyles({
  heading: { display: "block", marginBottom: tokens.spacingVerticalXS },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "6px" },
  item: { display: "flex", alignItems: "flex-start", gap: tokens.spacingHorizontalS },
  text: { flexGrow: 1 },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteMarigoldForeground1 },
  info: {},
});

export interface ProblemListProps {
  problems: ReadonlyArray<Problem>;
  lang: Lang;
  locate(problem: Problem): CellRef | undefined;
  onGoTo(problem: Problem): void;
}

/** A cell as Excel writes it: 'Sheet'!B5. */
export function cellAddress(cell: CellRef): string {
  const sheet = /^[\p{L}\p{N}_]+$/u.test(cell.sheet) ? cell.sheet : `'${cell.sheet.replace(/'/g, "''")}'`;
  return `${sheet}!${columnLetter(cell.col)}${cell.row}`;
}

/** The problems as lines in the user's language, each with "Go to cell" when it names a cell. */
export function ProblemList({ problems, lang, locate, onGoTo }: ProblemListProps) {
  const styles = useStyles();
  const shown = problems.slice(0, MAX_PROBLEMS_SHOWN);
  return (
    <section aria-label={t("ui.problems", lang, { count: problems.length })}>
      <Subtitle2 as="h3" className={styles.heading}>
        {t("ui.problems", lang, { count: problems.length })}
      </Subtitle2>
      {problems.length === 0 ? (
        <Text>{t("ui.problems.none", lang)}</Text>
      ) : (
        <ul className={styles.list}>
          {shown.map((p, i) => {
            const cell = locate(p);
            return (
              <li key={i} className={styles.item}>
                <Text className={mergeClasses(styles.text, styles[p.severity])}>{formatProblem(p, lang)}</Text>
                {cell && (
                  <Button
                    size="small"
                    aria-label={t("ui.problems.gotoLabel", lang, { cell: cellAddress(cell) })}
                    onClick={() => onGoTo(p)}
                  >
                    {t("ui.problems.goto", lang)}
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {problems.length > shown.length && (
        <Text>{t("ui.problems.more", lang, { count: problems.length - shown.length })}</Text>
      )}
    </section>
  );
}
