import { useCallback, useEffect, useMemo, useState } from "react";
import { Badge, Field, Input, Select, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../../engine/types";
import { t } from "../../engine/messages";
import { joinList } from "../format";
import { useTask } from "../hooks/useTask";
import { SWEEPABLE_PARAMS } from "../panes";
import { paramDef, paramLabel, valueToField, enumLabel } from "../paramForm";
import { MAX_SWEEP_VALUES, sweepValues, type ReformService, type RunHooks, type WorkbookOverview } from "../service";
import { IndicatorTable } from "./IndicatorTable";
import { ProblemList } from "./ProblemList";
import { TaskControls } from "./TaskControls";

const useStyles = makeStyles({
  heading: { display: "block", marginBottom: tokens.spacingVerticalXS },
  pane: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: "4px" },
  // minmax(0, 1fr): the three inputs share a narrow pane instead of widening it (a native input is ~20ch wide).
  sweep: { display: "grid", gridTemplateColumns: "repeat(3, minmax(0, 1fr))", gap: tokens.spacingHorizontalS },
  wide: { gridColumn: "1 / -1" },
  cell: { minWidth: 0 },
  input: { width: "100%", minWidth: 0 },
  scroll: { overflowX: "auto" },
});

export interface ScenariosPaneProps {
  service: ReformService;
  overview: WorkbookOverview | undefined;
  lang: Lang;
  onWritten?: () => void;
}

/** What a scenario changes against the baseline, as "name = value" pairs. */
function describeChanges(own: Readonly<Record<string, string | number | boolean>>, lang: Lang): string {
  return joinList(
    Object.entries(own).map(([k, v]) => {
      const def = paramDef(k);
      const shown =
        def?.type === "enum"
          ? enumLabel(k, String(v), lang)
          : def?.type === "yesno"
            ? t(v ? "ui.yes" : "ui.no", lang)
            : def?.type !== "date" && typeof v === "number"
              ? v.toLocaleString(lang === "zh" ? "zh-CN" : "en-US", { maximumFractionDigits: 10 })
              : def
                ? valueToField(def, v)
                : String(v);
      return `${paramLabel(k, lang)} = ${shown}`;
    }),
    lang,
  );
}

/** The Scenarios table's scenarios, "Compare all", and a one-parameter sweep. */
export function ScenariosPane({ service, overview, lang, onWritten }: ScenariosPaneProps) {
  const styles = useStyles();
  const scenarios = overview?.scenarios ?? [];

  const compareOp = useCallback((hooks: RunHooks) => service.compare(lang, hooks), [service, lang]);
  const compare = useTask(compareOp);

  const [param, setParam] = useState(SWEEPABLE_PARAMS[0]!);
  const [start, setStart] = useState("");
  const [end, setEnd] = useState("");
  const [step, setStep] = useState("");
  const values = useMemo(() => {
    if (start.trim() === "" || end.trim() === "" || step.trim() === "") return undefined;
    return sweepValues(Number(start), Number(end), Number(step));
  }, [start, end, step]);
  const touched = start !== "" && end !== "" && step !== "";
  const sweepOp = useCallback(
    (hooks: RunHooks) =>
      service.sweep({ param, start: Number(start), end: Number(end), step: Number(step) }, lang, hooks),
    [service, param, start, end, step, lang],
  );
  const sweep = useTask(sweepOp);

  const wrote = (r: { status: string; written: string[] } | undefined): boolean =>
    r?.status === "done" && r.written.length > 0;
  const compareWrote = wrote(compare.result);
  const sweepWrote = wrote(sweep.result);
  useEffect(() => {
    if (compareWrote || sweepWrote) onWritten?.();
  }, [compareWrote, sweepWrote, onWritten]);

  return (
    <div className={styles.pane}>
      <section aria-label={t("ui.scenarios.list", lang)}>
        <Subtitle2 as="h3" className={styles.heading}>
          {t("ui.scenarios.list", lang)}
        </Subtitle2>
        {scenarios.length === 0 ? (
          <Text>{t("ui.scenarios.none", lang)}</Text>
        ) : (
          <ol className={styles.list}>
            {scenarios.map((s, i) => (
              <li key={s.row}>
                <Text weight="semibold">{s.name}</Text>{" "}
                {i === 0 && (
                  <Badge appearance="outline" size="small">
                    {t("ui.scenarios.baseline", lang)}
                  </Badge>
                )}{" "}
                <Text>
                  {i === 0
                    ? describeChanges(s.own, lang)
                    : Object.keys(s.own).length === 0
                      ? t("ui.scenarios.noChanges", lang)
                      : t("ui.scenarios.changes", lang, { changes: describeChanges(s.own, lang) })}
                </Text>
              </li>
            ))}
          </ol>
        )}
      </section>
      <TaskControls
        task={compare}
        lang={lang}
        label={t("ui.scenarios.compare", lang)}
        disabled={scenarios.length === 0}
        doneText={
          compare.result && compare.result.written.length > 0
            ? t("ui.scenarios.compared", lang, { sheets: joinList(compare.result.written, lang) })
            : undefined
        }
      />
      {compare.result && compare.result.status !== "cancelled" && (
        <>
          <div className={styles.scroll}>
            <IndicatorTable
              caption={t("ui.scenarios.compare", lang)}
              columns={compare.result.columns}
              rows={compare.result.rows}
              lang={lang}
            />
          </div>
          {compare.result.problems.length > 0 && (
            <ProblemList
              problems={compare.result.problems}
              lang={lang}
              locate={(p) => service.locate(p)}
              onGoTo={(p) => void service.selectProblem(p)}
            />
          )}
        </>
      )}

      <section aria-label={t("ui.sweep", lang)}>
        <Subtitle2 as="h3" className={styles.heading}>
          {t("ui.sweep", lang)}
        </Subtitle2>
        <div className={styles.sweep}>
          <Field label={t("ui.sweep.param", lang)} className={styles.wide}>
            <Select value={param} onChange={(_, d) => setParam(d.value)}>
              {SWEEPABLE_PARAMS.map((k) => (
                <option key={k} value={k}>
                  {paramLabel(k, lang)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t("ui.sweep.start", lang)} className={styles.cell}>
            <Input className={styles.input} inputMode="decimal" value={start} onChange={(_, d) => setStart(d.value)} />
          </Field>
          <Field label={t("ui.sweep.end", lang)} className={styles.cell}>
            <Input className={styles.input} inputMode="decimal" value={end} onChange={(_, d) => setEnd(d.value)} />
          </Field>
          <Field label={t("ui.sweep.step", lang)} className={styles.cell}>
            <Input className={styles.input} inputMode="decimal" value={step} onChange={(_, d) => setStep(d.value)} />
          </Field>
        </div>
        {touched && !values && <Text role="alert">{t("ui.sweep.invalid", lang, { max: MAX_SWEEP_VALUES })}</Text>}
        <TaskControls
          task={sweep}
          lang={lang}
          label={t("ui.sweep.run", lang)}
          disabled={!values}
          doneText={
            sweep.result && sweep.result.written.length > 0
              ? t("ui.sweep.done", lang, {
                  sheets: joinList(sweep.result.written, lang),
                  count: sweep.result.values.length,
                })
              : undefined
          }
        />
        {sweep.result && sweep.result.status !== "cancelled" && (
          <div className={styles.scroll}>
            <IndicatorTable
              caption={t("ui.sweep", lang)}
              columns={sweep.result.values.map(String)}
              rows={sweep.result.rows}
              lang={lang}
            />
          </div>
        )}
      </section>
    </div>
  );
}
