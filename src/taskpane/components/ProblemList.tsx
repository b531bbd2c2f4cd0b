import { useId, useMemo, useState } from "react";
import { Body1Strong, Button, Subtitle2, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { columnLetter, t } from "../../engine/messages";
import type { Lang, Problem } from "../../engine/types";
import { PROBLEMS_PER_GROUP, groupProblems, problemLine, type ProblemGroup } from "../problems";
import type { CellRef } from "../service";

const useStyles = makeStyles({
  heading: { display: "block", marginBottom: tokens.spacingVerticalXS },
  groups: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
  },
  group: {
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`,
    paddingLeft: tokens.spacingHorizontalS,
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalXS,
  },
  groupError: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  groupWarning: { borderLeftColor: tokens.colorPaletteMarigoldBorder2 },
  groupHeading: { margin: 0, overflowWrap: "anywhere" },
  single: { fontWeight: tokens.fontWeightRegular },
  item: { display: "flex", alignItems: "flex-start", gap: tokens.spacingHorizontalS, alignSelf: "stretch" },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: "6px",
    alignSelf: "stretch",
  },
  text: { flexGrow: 1, minWidth: 0, overflowWrap: "anywhere" },
  goto: { flexShrink: 0 },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteMarigoldForeground1 },
  info: {},
});

export interface ProblemListProps {
  problems: ReadonlyArray<Problem>;
  lang: Lang;
  locate(problem: Problem): CellRef | undefined;
  onGoTo(problem: Problem): void;
  /** Heading (default "Problems (n)"). */
  title?: string;
}

/** A cell as Excel writes it: 'Sheet'!B5. */
export function cellAddress(cell: CellRef): string {
  const sheet = /^[\p{L}\p{N}_]+$/u.test(cell.sheet) ? cell.sheet : `'${cell.sheet.replace(/'/g, "''")}'`;
  return `${sheet}!${columnLetter(cell.col)}${cell.row}`;
}

interface GroupProps {
  group: ProblemGroup;
  lang: Lang;
  expanded: boolean;
  onToggle(): void;
  locate(problem: Problem): CellRef | undefined;
  onGoTo(problem: Problem): void;
}

/** One kind of problem: its heading with the count, the first few (or all), and Show all / Show fewer. */
function Group({ group, lang, expanded, onToggle, locate, onGoTo }: GroupProps) {
  const styles = useStyles();
  const headingId = useId();
  const listId = useId();
  const count = group.problems.length;
  const shown = expanded ? group.problems : group.problems.slice(0, PROBLEMS_PER_GROUP);
  const tone = group.severity === "error" ? styles.groupError : group.severity === "warning" ? styles.groupWarning : "";
  const goTo = (p: Problem) => {
    const cell = locate(p);
    return (
      cell && (
        <Button
          size="small"
          className={styles.goto}
          aria-label={t("ui.problems.gotoLabel", lang, { cell: cellAddress(cell) })}
          onClick={() => onGoTo(p)}
        >
          {t("ui.problems.goto", lang)}
        </Button>
      )
    );
  };
  if (count === 1) {
    // A kind with one problem: the problem itself is the heading (a group heading would repeat it).
    const p = group.problems[0]!;
    return (
      <li className={mergeClasses(styles.group, tone)}>
        <div className={styles.item}>
          <Text as="h4" className={mergeClasses(styles.groupHeading, styles.text, styles.single)}>
            <Body1Strong className={styles[group.severity]}>{t(`severity.${group.severity}`, lang)}</Body1Strong>
            {lang === "zh" ? "：" : ": "}
            {problemLine(p, lang)}
          </Text>
          {goTo(p)}
        </div>
      </li>
    );
  }
  return (
    <li className={mergeClasses(styles.group, tone)}>
      <Body1Strong as="h4" id={headingId} className={mergeClasses(styles.groupHeading, styles[group.severity])}>
        {t("ui.problems.group", lang, {
          severity: t(`severity.${group.severity}`, lang),
          label: group.label,
          count,
        })}
      </Body1Strong>
      <ul className={styles.list} id={listId} aria-labelledby={headingId}>
        {shown.map((p, i) => (
          <li key={i} className={styles.item}>
            <Text className={styles.text}>{problemLine(p, lang)}</Text>
            {goTo(p)}
          </li>
        ))}
      </ul>
      {count > PROBLEMS_PER_GROUP && (
        <Button
          size="small"
          appearance="subtle"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-describedby={headingId}
          onClick={onToggle}
        >
          {expanded
            ? t("ui.problems.showFewer", lang, { count: PROBLEMS_PER_GROUP })
            : t("ui.problems.showAll", lang, { count })}
        </Button>
      )}
    </li>
  );
}

/**
 * The problems grouped by message (errors, then warnings, then notes): per group its count and the
 * first few, each with "Go to cell" when it names a cell, and "Show all n" to list the rest.
 */
export function ProblemList({ problems, lang, locate, onGoTo, title }: ProblemListProps) {
  const styles = useStyles();
  const headingId = useId();
  const groups = useMemo(() => groupProblems(problems, lang), [problems, lang]);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string): void =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  return (
    <section aria-labelledby={headingId}>
      <Subtitle2 as="h3" id={headingId} className={styles.heading}>
        {title ?? t("ui.problems", lang, { count: problems.length })}
      </Subtitle2>
      {problems.length === 0 ? (
        <Text>{t("ui.problems.none", lang)}</Text>
      ) : (
        <ul className={styles.groups} aria-labelledby={headingId}>
          {groups.map((g) => (
            <Group
              key={g.id}
              group={g}
              lang={lang}
              expanded={expanded.has(g.id)}
              onToggle={() => toggle(g.id)}
              locate={locate}
              onGoTo={onGoTo}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
