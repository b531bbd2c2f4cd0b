import { Button, Field, MessageBar, MessageBarBody, ProgressBar, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../../engine/types";
import { t } from "../../engine/messages";
import { joinList } from "../format";
import type { TaskState } from "../hooks/useTask";
import type { RunStatus } from "../service";
import { ReplaceDialog } from "./ReplaceDialog";

const useStyles = makeStyles({
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center" },
});

export interface TaskControlsProps {
  task: TaskState<{ status: RunStatus; written: string[] }>;
  lang: Lang;
  /** Label of the start button. */
  label: string;
  disabled?: boolean;
  /** Message when done (default: the sheets written). */
  doneText?: string;
}

/** Start and Cancel, the progress bar by stage, the outcome message and the replace question. */
export function TaskControls({ task, lang, label, disabled, doneText }: TaskControlsProps) {
  const styles = useStyles();
  const running = task.phase === "running";
  const stage = task.progress?.stage ?? "read";
  const r = task.result;
  return (
    <div>
      <div className={styles.row}>
        <Button appearance="primary" disabled={disabled || running} onClick={task.start}>
          {label}
        </Button>
        {running && <Button onClick={task.cancel}>{t("ui.cancel", lang)}</Button>}
      </div>
      {running && task.progress && (
        <Field label={t("ui.progress", lang)} validationMessage={t(`ui.stage.${stage}`, lang)} validationState="none">
          <ProgressBar value={task.progress?.fraction ?? 0} max={1} />
        </Field>
      )}
      {task.phase === "failed" && (
        <MessageBar intent="error">
          <MessageBarBody>{t("ui.run.failed", lang, { message: task.error ?? "" })}</MessageBarBody>
        </MessageBar>
      )}
      {task.phase === "finished" && r && (
        <MessageBar intent={r.status === "done" ? "success" : "warning"}>
          <MessageBarBody>
            {r.status === "cancelled"
              ? t("ui.run.cancelled", lang)
              : r.status === "declined"
                ? t("ui.run.declined", lang)
                : (doneText ??
                  (r.written.length > 0
                    ? t("ui.run.done", lang, { sheets: joinList(r.written, lang) })
                    : t("ui.run.doneNoSheets", lang)))}
          </MessageBarBody>
        </MessageBar>
      )}
      <ReplaceDialog confirm={task.confirm} lang={lang} />
    </div>
  );
}
