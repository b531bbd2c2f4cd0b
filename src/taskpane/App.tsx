/**
 * The task pane: a tab per section (Home, the four model panes, Scenarios), a language switch, and in
 * the browser preview the file open / download bar. Rendered by index.tsx inside a FluentProvider whose
 * theme follows Office's; everything that touches the workbook comes through a `ReformService` prop
 * (or, when none is given, the default wiring for Office or the preview), so tests pass a fake one.
 */
import { useState } from "react";
import { Field, Select, Tab, TabList, Title2, makeStyles, tokens } from "@fluentui/react-components";
import { t } from "../engine/messages";
import type { Lang } from "../engine/types";
import { HomePane } from "./components/HomePane";
import { ModelPane } from "./components/ModelPane";
import { PreviewDownload, PreviewStart, type PreviewOpener, type PreviewSession } from "./components/PreviewBar";
import { ScenariosPane } from "./components/ScenariosPane";
import { useOverview } from "./hooks/useOverview";
import { MODEL_PANES, PANE_IDS, type PaneId } from "./panes";
import type { ReformService } from "./service";
import { defaultOfficeService, defaultPreviewOpener } from "./wiring";

export interface AppProps {
  /** Interface language: from Office's display language (the user can switch it in the pane). */
  lang: Lang;
  /** True inside an Office host, false in a plain browser (browser preview). */
  inOffice: boolean;
  /** The workbook service; default: Office.js inside Office, none (open a file first) in the preview. */
  service?: ReformService;
  /** How the preview opens workbooks; default: the in-memory .xlsx host. */
  preview?: PreviewOpener;
}

const useStyles = makeStyles({
  root: {
    padding: tokens.spacingHorizontalM,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  header: {
    display: "flex",
    flexWrap: "wrap",
    justifyContent: "space-between",
    alignItems: "flex-end",
    gap: tokens.spacingHorizontalM,
  },
  title: { margin: 0 },
  lang: { minWidth: "120px" },
  // A task pane is 320–450 px wide: the tabs wrap onto a second row instead of widening the page
  // (arrow keys still move along them in order; Home and End go to the first and last, Enter selects).
  // Fluent's sliding selection indicator only slides sideways, so between rows it would run along the wrong
  // row: it moves at once instead.
  tabs: { flexWrap: "wrap", rowGap: tokens.spacingVerticalXXS, "& .fui-Tab::after": { transitionProperty: "none" } },
  // Every pane stays within the pane's width (long words and numbers wrap rather than scroll sideways).
  panel: { minWidth: 0 },
});

export function App({ lang: initialLang, inOffice, service: given, preview }: AppProps) {
  const styles = useStyles();
  const [lang, setLang] = useState<Lang>(initialLang);
  const [tab, setTab] = useState<PaneId>("home");
  const [officeService] = useState<ReformService | undefined>(() =>
    given ? undefined : inOffice ? defaultOfficeService() : undefined,
  );
  const [session, setSession] = useState<PreviewSession | undefined>();
  const service = given ?? officeService ?? session?.service;
  const state = useOverview(service);

  return (
    <main className={styles.root} lang={lang === "zh" ? "zh-CN" : "en"}>
      <header className={styles.header}>
        <Title2 as="h1" className={styles.title}>
          {t("ui.appTitle", lang)}
        </Title2>
        <Field label={t("ui.language", lang)} className={styles.lang}>
          <Select value={lang} onChange={(_, d) => setLang(d.value === "en" ? "en" : "zh")}>
            <option value="zh">{t("ui.lang.zh", lang)}</option>
            <option value="en">{t("ui.lang.en", lang)}</option>
          </Select>
        </Field>
      </header>
      {!service && !inOffice && (
        <PreviewStart opener={preview ?? defaultPreviewOpener()} lang={lang} onOpened={setSession} />
      )}
      {session && <PreviewDownload session={session} lang={lang} />}
      {service && (
        <>
          <TabList
            aria-label={t("ui.nav", lang)}
            selectedValue={tab}
            onTabSelect={(_, d) => setTab(d.value as PaneId)}
            size="small"
            className={styles.tabs}
          >
            {PANE_IDS.map((id) => (
              <Tab key={id} value={id} id={`tab-${id}`} aria-controls={`panel-${id}`}>
                {t(`ui.tab.${id}`, lang)}
              </Tab>
            ))}
          </TabList>
          {PANE_IDS.map((id) => (
            // Every pane stays mounted so a run keeps going (and its results stay) while another tab is shown.
            <div
              key={id}
              role="tabpanel"
              id={`panel-${id}`}
              aria-labelledby={`tab-${id}`}
              hidden={id !== tab}
              className={styles.panel}
            >
              {id === "home" ? (
                <HomePane
                  service={service}
                  overview={state.overview}
                  loading={state.loading}
                  error={state.error}
                  lang={lang}
                  onRefresh={state.reload}
                />
              ) : id === "scenarios" ? (
                <ScenariosPane service={service} overview={state.overview} lang={lang} onWritten={state.reload} />
              ) : (
                <ModelPane
                  def={MODEL_PANES[id]}
                  service={service}
                  overview={state.overview}
                  lang={lang}
                  onWritten={state.reload}
                />
              )}
            </div>
          ))}
        </>
      )}
    </main>
  );
}

export default App;
