/**
 * Which host the panes run on: Excel (Office.js) when the page runs inside Excel, otherwise none (the
 * UI then offers the preview's "open .xlsx").
 */
import { OfficeHost } from "../excel/officeHost";
import type { WorkbookHost } from "./types";

/** The part of the Office global that detection needs. */
export interface OfficeGlobal {
  onReady(): Promise<{ host: string | null; platform?: string | null }>;
}

/** How long to wait for Office.onReady before deciding that the page is not inside Office. */
export const OFFICE_READY_TIMEOUT_MS = 5000;

/**
 * The Office host when running inside Excel (Office.onReady reports host "Excel"), else null: no
 * Office.js on the page, another Office application, a plain browser, or no answer within the timeout.
 * A failing `onReady` rejects (never swallowed).
 */
export async function detectHost(
  office: OfficeGlobal | undefined = (globalThis as unknown as { Office?: OfficeGlobal }).Office,
  timeoutMs = OFFICE_READY_TIMEOUT_MS,
): Promise<WorkbookHost | null> {
  if (!office || typeof office.onReady !== "function") return null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  try {
    const info = await Promise.race([office.onReady(), timeout]);
    return info && info.host === "Excel" ? new OfficeHost() : null;
  } finally {
    clearTimeout(timer);
  }
}
