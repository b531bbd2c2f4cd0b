import { useCallback, useEffect, useMemo, useState } from "react";
import { MessageBar, MessageBarBody, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import { TABLES } from "../../engine/schema";
import type { ModelStatus } from "../../engine/reform/types";
import type { Lang } from "../../engine/types";
import { t } from "../../engine/messages";
import { joinList } from "../format";
import { useTask } from "../hooks/useTask";
import type { ModelPaneDef } from "../panes";
import { problemLine } from "../problems";
import { formDefaults, formToParams, runParams, type FormValues } from "../paramForm";
import type { ReformService, RunHooks, WorkbookOverview } from "../service";
import { ParamForm } from "./ParamForm";
import { ProblemList } from "./ProblemList";
import { ResultCards } from "./ResultCards";
import { TaskControls } from "./TaskControls";

const useStyles = makeStyles({
  heading: { display: "block", marginBottom: tokens.spacingVerticalXS },
  pane: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  statuses: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

const PERF_POOL_KEYS = ["poolAmount", "poolPerCapita", "poolPercent"];

/**
 * Why a model run first for another could not run: "Re-bidding could not run: <its first error>" (and how
 * many more problems, listed below), or the tables it misses.
 */
export function dependencyFailure(status: ModelStatus, lang: Lang): string {
  const model = t(`ui.model.${status.model}`, lang);
  if (status.status === "skipped") {
    const tables = joinList(
      (status.missing ?? []).map((id) => TABLES[id][lang]),
      lang,
    );
    return t("ui.dependency.failed", lang, { model, reason: t("ui.dependency.missing", lang, { tables }) });
  }
  const first = status.problems.find((p) => p.severity === "error") ?? status.problems[0];
  if (!first) return t("ui.dependency.failed", lang, { model, reason: t("ui.dependency.noReason", lang) });
  const reason = problemLine(first, lang);
  const more = status.problems.length - 1;
  return more > 0
    ? t("ui.dependency.failedMore", lang, { model, reason, count: more })
    : t("ui.dependency.failed", lang, { model, reason });
}

export interface ModelPaneProps {
  def: ModelPaneDef;
  service: ReformService;
  overview: WorkbookOverview | undefined;
  lang: Lang;
  /** Called after a run that wrote sheets (the workbook changed). */
  onWritten?: () => void;
}

/** A model's pane: parameters (defaults from the baseline scenario), Run, results and problems. */
export function ModelPane({ def, service, overview, lang, onWritten }: ModelPaneProps) {
  const styles = useStyles();
  const baseline = overview?.scenarios[0];
  const [values, setValues] = useState<FormValues>(() => formDefaults(def.params, baseline?.params));
  // Reset to the baseline when the baseline itself changes (not when the overview is merely reloaded).
  const baselineKey = JSON.stringify(baseline?.params ?? {});
  useEffect(() => {
    setValues(formDefaults(def.params, JSON.parse(baselineKey)));
  }, [def.params, baselineKey]);
  const read = useMemo(() => formToParams(values), [values]);

  const missing = useMemo(() => {
    const ids = new Set(overview?.readiness.filter((r) => def.models.includes(r.model)).flatMap((r) => r.missing));
    return [...ids].map((id) => TABLES[id][lang]);
  }, [overview, def.models, lang]);
  // A pane of several models (headcount & pool) runs when at least one of them is ready.
  const ready = overview?.readiness.some((r) => def.models.includes(r.model) && r.ready) ?? false;

  const operation = useCallback(
    (hooks: RunHooks) => service.run(def.models, runParams(baseline?.params, def.params, read.params), lang, hooks),
    [service, def, baseline, read.params, lang],
  );
  const task = useTask(operation);
  const result = task.result;
  useEffect(() => {
    if (result?.status === "done" && result.written.length > 0) onWritten?.();
  }, [result, onWritten]);
  const failedDependencies = result?.dependencies.filter((d) => d.status !== "ok") ?? [];

  return (
    <div className={styles.pane}>
      {baseline && <Text>{t("ui.params.fromBaseline", lang, { name: baseline.name })}</Text>}
      <ParamForm
        keys={def.params}
        values={values}
        invalid={read.invalid}
        lang={lang}
        disabled={task.phase === "running"}
        onChange={(key, value) => setValues((v) => ({ ...v, [key]: value }))}
        group={def.id === "perf" ? { keys: PERF_POOL_KEYS, legend: t("ui.params.pool", lang) } : undefined}
      />
      {overview && missing.length > 0 && (
        <MessageBar intent={ready ? "info" : "warning"}>
          <MessageBarBody>
            {ready
              ? t("ui.home.missing", lang, { tables: joinList(missing, lang) })
              : t("ui.run.notReady", lang, { tables: joinList(missing, lang) })}
          </MessageBarBody>
        </MessageBar>
      )}
      <TaskControls task={task} lang={lang} label={t("ui.run", lang)} disabled={!ready || read.invalid.length > 0} />
      {result && result.status !== "cancelled" && (
        <>
          <Subtitle2 as="h3" className={styles.heading}>
            {t("ui.results", lang)}
          </Subtitle2>
          <ul className={styles.statuses}>
            {result.dependencies
              .filter((d) => d.status === "ok")
              .map((d) => (
                <li key={d.model}>
                  <Text>{t("ui.dependency.ok", lang, { model: t(`ui.model.${d.model}`, lang) })}</Text>
                </li>
              ))}
            {result.statuses.map((s) => (
              <li key={s.model}>
                <Text>
                  {t(`ui.status.${s.status}`, lang, {
                    model: t(`ui.model.${s.model}`, lang),
                    tables: joinList(
                      (s.missing ?? []).map((id) => TABLES[id][lang]),
                      lang,
                    ),
                  })}
                </Text>
              </li>
            ))}
          </ul>
          {failedDependencies.map((d) => (
            <MessageBar key={d.model} intent="warning">
              <MessageBarBody>{dependencyFailure(d, lang)}</MessageBarBody>
            </MessageBar>
          ))}
          <ResultCards indicators={result.indicators} show={def.indicators} lang={lang} />
          {result.dependencies
            .filter((d) => d.problems.length > 0)
            .map((d) => (
              <ProblemList
                key={d.model}
                title={t("ui.dependency.problems", lang, {
                  model: t(`ui.model.${d.model}`, lang),
                  count: d.problems.length,
                })}
                problems={d.problems}
                lang={lang}
                locate={(p) => service.locate(p)}
                onGoTo={(p) => void service.selectProblem(p)}
              />
            ))}
          <ProblemList
            problems={result.problems}
            lang={lang}
            locate={(p) => service.locate(p)}
            onGoTo={(p) => void service.selectProblem(p)}
          />
        </>
      )}
    </div>
  );
}
