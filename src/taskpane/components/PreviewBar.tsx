import { useRef, useState } from "react";
import {
  Button,
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
  // The browser's own file input speaks the browser's language ("Choose File"), not the pane's: it is
  // hidden and a button in the pane's language opens it.
  file: { display: "none" },
});

export interface PreviewStartProps {
  opener: PreviewOpener;
  lang: Lang;
  onOpened(session: PreviewSession): void;
}

/** Outside Office: open an .xlsx file or the sample workbook. */
export function PreviewStart({ opener, lang, onOpened }: PreviewStartProps) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
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
      <input
        ref={input}
        className={styles.file}
        type="file"
        tabIndex={-1}
        aria-label={t("ui.preview.open", lang)}
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        disabled={busy}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = "";
          if (file) void open(() => opener.openFile(file));
        }}
      />
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy} onClick={() => void open(() => opener.openSample(lang))}>
          {t("ui.preview.sample", lang)}
        </Button>
        <Button disabled={busy} onClick={() => input.current?.click()}>
          {t("ui.preview.open", lang)}
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
