import { useCallback, useEffect, useState } from "react";
import {
  Badge,
  Button,
  Field,
  Select,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { TABLES, type TableId } from "../../engine/schema";
import type { Lang } from "../../engine/types";
import { t } from "../../engine/messages";
import { joinList } from "../format";
import { useTask } from "../hooks/useTask";
import type { InsertResult, ReformService, RunHooks, SelectionUse, WorkbookOverview } from "../service";
import { TaskControls } from "./TaskControls";

const useStyles = makeStyles({
  heading: { display: "block", marginBottom: tokens.spacingVerticalXS },
  pane: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "4px" },
  model: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "flex-end", flexWrap: "wrap" },
});

type SelectionState =
  { phase: "idle" | "running" } | { phase: "done"; use: SelectionUse | null } | { phase: "failed"; message: string };

/** "Use the selection as…": a table kind and a button; the choice holds for the session (the service). */
function SelectionChooser({
  service,
  lang,
  disabled,
  onUsed,
}: {
  service: ReformService;
  lang: Lang;
  disabled: boolean;
  onUsed(): void;
}) {
  const styles = useStyles();
  const ids = Object.keys(TABLES) as TableId[];
  const [kind, setKind] = useState<TableId>(ids[0]!);
  const [state, setState] = useState<SelectionState>({ phase: "idle" });
  const use = async (): Promise<void> => {
    setState({ phase: "running" });
    try {
      const result = await service.useSelectionAs(kind);
      setState({ phase: "done", use: result });
      if (result) onUsed();
    } catch (e) {
      setState({ phase: "failed", message: e instanceof Error ? e.message : String(e) });
    }
  };
  return (
    <section aria-label={t("ui.selection.title", lang)}>
      <Subtitle2 as="h3" className={styles.heading}>
        {t("ui.selection.title", lang)}
      </Subtitle2>
      <Text block>{t("ui.selection.hint", lang)}</Text>
      <div className={styles.row}>
        <Field label={t("ui.selection.kind", lang)}>
          <Select value={kind} disabled={disabled} onChange={(_, d) => setKind(d.value as TableId)}>
            {ids.map((id) => (
              <option key={id} value={id}>
                {TABLES[id][lang]}
              </option>
            ))}
          </Select>
        </Field>
        <Button onClick={() => void use()} disabled={disabled || state.phase === "running"}>
          {t("ui.selection.use", lang)}
        </Button>
      </div>
      <div role="status">
        {state.phase === "done" && state.use && (
          <Text>{t("ui.selection.used", lang, { table: TABLES[state.use.id][lang], address: state.use.address })}</Text>
        )}
        {state.phase === "done" && !state.use && <Text>{t("ui.selection.none", lang)}</Text>}
        {state.phase === "failed" && (
          <MessageBar intent="error">
            <MessageBarBody>{t("ui.run.failed", lang, { message: state.message })}</MessageBarBody>
          </MessageBar>
        )}
      </div>
    </section>
  );
}

export interface HomePaneProps {
  service: ReformService;
  overview: WorkbookOverview | undefined;
  loading: boolean;
  error?: string;
  lang: Lang;
  onRefresh(): void;
}

/** The tables found, each model ready or what it misses, and the sample / template inserts. */
export function HomePane({ service, overview, loading, error, lang, onRefresh }: HomePaneProps) {
  const styles = useStyles();
  const sampleOp = useCallback((hooks: RunHooks) => service.insertSample(lang, hooks), [service, lang]);
  const templatesOp = useCallback((hooks: RunHooks) => service.insertTemplates(lang, hooks), [service, lang]);
  const sample = useTask(sampleOp);
  const templates = useTask(templatesOp);
  const inserted = (r: InsertResult | undefined) =>
    r && r.written.length > 0 ? t("ui.home.inserted", lang, { sheets: joinList(r.written, lang) }) : undefined;
  const sampleDone = sample.result?.status === "done" ? sample.result : undefined;
  const templatesDone = templates.result?.status === "done" ? templates.result : undefined;
  useEffect(() => {
    if (sampleDone || templatesDone) onRefresh();
  }, [sampleDone, templatesDone, onRefresh]);
  const busy = sample.phase === "running" || templates.phase === "running";
  return (
    <div className={styles.pane}>
      <section aria-label={t("ui.home.tables", lang)}>
        <Subtitle2 as="h3" className={styles.heading}>
          {t("ui.home.tables", lang)}
        </Subtitle2>
        {loading && <Spinner size="tiny" label={t("ui.home.loading", lang)} />}
        {error && (
          <MessageBar intent="error">
            <MessageBarBody>{t("ui.run.failed", lang, { message: error })}</MessageBarBody>
          </MessageBar>
        )}
        {overview && overview.tables.length === 0 && <Text>{t("ui.home.noTables", lang)}</Text>}
        {overview && overview.tables.length > 0 && (
          <ul className={styles.list}>
            {overview.tables.map((tb) => (
              <li key={tb.id}>
                <Text>
                  {TABLES[tb.id][lang]}:{" "}
                  {t("ui.home.tableRow", lang, { name: tb.name, sheet: tb.sheet, rows: tb.rows })}
                </Text>
              </li>
            ))}
          </ul>
        )}
        <Button onClick={onRefresh} disabled={loading || busy}>
          {t("ui.home.refresh", lang)}
        </Button>
      </section>
      <SelectionChooser service={service} lang={lang} disabled={loading || busy} onUsed={onRefresh} />
      {overview && (
        <section aria-label={t("ui.home.models", lang)}>
          <Subtitle2 as="h3" className={styles.heading}>
            {t("ui.home.models", lang)}
          </Subtitle2>
          <ul className={styles.list}>
            {overview.readiness.map((r) => (
              <li key={r.model} className={styles.model}>
                <Text weight="semibold">{t(`ui.model.${r.model}`, lang)}</Text>
                {r.ready ? (
                  <Badge color="success" appearance="tint">
                    {t("ui.home.ready", lang)}
                  </Badge>
                ) : (
                  <Badge color="warning" appearance="tint">
                    {t("ui.home.missing", lang, {
                      tables: joinList(
                        r.missing.map((id) => TABLES[id][lang]),
                        lang,
                      ),
                    })}
                  </Badge>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      <TaskControls
        task={sample}
        lang={lang}
        label={t("ui.home.insertSample", lang)}
        disabled={busy}
        doneText={inserted(sample.result)}
      />
      <TaskControls
        task={templates}
        lang={lang}
        label={t("ui.home.insertTemplates", lang)}
        disabled={busy}
        doneText={inserted(templates.result)}
      />
    </div>
  );
}
