/**
 * The Fluent UI theme of the task pane, following the Office theme: dark Fluent theme when Office's body
 * background is dark (Black, Dark Gray themes), light otherwise and outside Office.
 * Excel has no theme-changed event (OfficeThemeChanged is Outlook only), so `watchOfficeTheme` re-reads
 * Office.context.officeTheme every few seconds while the pane is visible and reports changes.
 */
import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import type { Theme } from "@fluentui/react-components";

/** The part of Office.OfficeTheme we read. */
export interface OfficeThemeLike {
  bodyBackgroundColor?: string;
}

/**
 * Whether a CSS hex colour (#rgb or #rrggbb, "#" optional) is dark: relative luminance below 0.5.
 * Unreadable colours count as light.
 *
 * @example isDarkColor("#262626") // => true
 * @example isDarkColor("#FFFFFF") // => false
 */
export function isDarkColor(color: string | null | undefined): boolean {
  if (typeof color !== "string") return false;
  let hex = color.trim().replace(/^#/, "");
  if (/^[0-9a-f]{3}$/i.test(hex)) hex = hex.replace(/./g, (c) => c + c);
  if (!/^[0-9a-f]{6}$/i.test(hex)) return false;
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}

/**
 * The Fluent theme for an Office theme (undefined outside Office → light).
 *
 * @example fluentThemeFor({ bodyBackgroundColor: "#000000" }) === webDarkTheme // => true
 */
export function fluentThemeFor(officeTheme: OfficeThemeLike | null | undefined): Theme {
  return isDarkColor(officeTheme?.bodyBackgroundColor) ? webDarkTheme : webLightTheme;
}

/** Office.context.officeTheme when Office.js is loaded and running in an Office host, else undefined. */
export function currentOfficeTheme(): OfficeThemeLike | undefined {
  if (typeof Office === "undefined") return undefined;
  try {
    return Office.context?.officeTheme ?? undefined;
  } catch {
    // Office.context throws outside an Office host; that simply means "no Office theme".
    return undefined;
  }
}

/**
 * Calls `onChange` with the new Fluent theme whenever the Office theme's darkness changes. Returns a
 * function that stops watching.
 *
 * @example const stop = watchOfficeTheme((theme) => render(theme)); // … later: stop();
 */
export function watchOfficeTheme(
  onChange: (theme: Theme) => void,
  read: () => OfficeThemeLike | undefined = currentOfficeTheme,
  intervalMs = 3000,
): () => void {
  let dark = isDarkColor(read()?.bodyBackgroundColor);
  const timer = setInterval(() => {
    if (typeof document !== "undefined" && document.visibilityState === "hidden") return;
    const next = isDarkColor(read()?.bodyBackgroundColor);
    if (next !== dark) {
      dark = next;
      onChange(dark ? webDarkTheme : webLightTheme);
    }
  }, intervalMs);
  return () => clearInterval(timer);
}
