import { useId, useState } from "react";
import {
  Button,
  Label,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle1,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Lang } from "../../engine/types";
import { t } from "../../engine/messages";
import type { ReformService } from "../service";

/** A workbook opened in the browser preview: the service over it, its name, and its bytes for download. */
export interface PreviewSession {
  service: ReformService;
  fileName: string;
  download(): Promise<Blob>;
}

/** Opens workbooks in the browser preview (the in-memory .xlsx host). */
export interface PreviewOpener {
  openFile(file: File): Promise<PreviewSession>;
  openSample(lang: Lang): Promise<PreviewSession>;
}

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
});

export interface PreviewStartProps {
  opener: PreviewOpener;
  lang: Lang;
  onOpened(session: PreviewSession): void;
}

/** Outside Office: open an .xlsx file or the sample workbook. */
export function PreviewStart({ opener, lang, onOpened }: PreviewStartProps) {
  const styles = useStyles();
  const inputId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const open = async (f: () => Promise<PreviewSession>): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      onOpened(await f());
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  };
  return (
    <section className={styles.box} aria-label={t("ui.preview.title", lang)}>
      <Subtitle1 as="h2">{t("ui.preview.title", lang)}</Subtitle1>
      <Text>{t("ui.preview.intro", lang)}</Text>
      <div className={styles.row}>
        <Label htmlFor={inputId}>{t("ui.preview.open", lang)}</Label>
        <input
          id={inputId}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          disabled={busy}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) void open(() => opener.openFile(file));
          }}
        />
      </div>
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy} onClick={() => void open(() => opener.openSample(lang))}>
          {t("ui.preview.sample", lang)}
        </Button>
        {busy && <Spinner size="tiny" />}
      </div>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{t("ui.preview.failed", lang, { message: error })}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}

/** The result file's name: the opened name with "-results" before .xlsx. */
export function resultFileName(fileName: string): string {
  const base = fileName.replace(/\.xlsx$/i, "");
  return `${base}-results.xlsx`;
}

/** Once a workbook is open in the preview: its name and "Download result workbook". */
export function PreviewDownload({ session, lang }: { session: PreviewSession; lang: Lang }) {
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const download = async (): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      const blob = await session.download();
      const url = URL.createObjectURL(blob);
      const a = document.createElement("a");
      a.href = url;
      a.download = resultFileName(session.fileName);
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className={styles.row}>
      <Text>{t("ui.preview.file", lang, { name: session.fileName })}</Text>
      <Button disabled={busy} onClick={() => void download()}>
        {t("ui.preview.download", lang)}
      </Button>
      {error && <Text role="alert">{t("ui.run.failed", lang, { message: error })}</Text>}
    </div>
  );
}
