/**
 * Task pane entry (webpack entry "taskpane"): waits for Office.js, then renders <App/> inside a
 * FluentProvider whose theme follows the Office theme and whose language follows Office's display language
 * (`?lang=zh|en` in the URL overrides it). Outside Office (a plain browser: the browser preview) or when
 * office.js could not be loaded, it renders the same App with `inOffice: false`.
 */
import { FluentProvider } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import { langFromLocale } from "../engine/messages";
import type { Lang } from "../engine/types";
import { App } from "./App";
import { currentOfficeTheme, fluentThemeFor, watchOfficeTheme } from "./theme";

/** How long to wait for Office.onReady before rendering anyway (e.g. office.js blocked or stalled). */
const OFFICE_READY_TIMEOUT_MS = 10000;

function chosenLang(inOffice: boolean): Lang {
  const override = new URLSearchParams(window.location.search).get("lang");
  if (override) return langFromLocale(override);
  if (inOffice) return langFromLocale(Office.context.displayLanguage);
  return langFromLocale(typeof navigator !== "undefined" ? navigator.language : undefined);
}

function Root({ lang, inOffice }: { lang: Lang; inOffice: boolean }) {
  const [theme, setTheme] = useState(() => fluentThemeFor(currentOfficeTheme()));
  useEffect(() => (inOffice ? watchOfficeTheme(setTheme) : undefined), [inOffice]);
  return (
    <FluentProvider theme={theme} style={{ minHeight: "100vh" }}>
      <App lang={lang} inOffice={inOffice} />
    </FluentProvider>
  );
}

let rendered = false;

function render(inOffice: boolean): void {
  if (rendered) return;
  rendered = true;
  const container = document.getElementById("container");
  if (!container) throw new Error("taskpane.html has no #container element");
  document.documentElement.lang = chosenLang(inOffice) === "zh" ? "zh-CN" : "en";
  createRoot(container).render(<Root lang={chosenLang(inOffice)} inOffice={inOffice} />);
}

if (typeof Office === "undefined") {
  render(false);
} else {
  const fallback = setTimeout(() => render(false), OFFICE_READY_TIMEOUT_MS);
  Office.onReady((info) => {
    clearTimeout(fallback);
    render(Boolean(info && info.host));
  });
}
