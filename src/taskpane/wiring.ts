/**
 * The default wiring of the panes: the Office.js host inside Excel, the in-memory .xlsx host in the
 * browser preview, both composed with the engine by `createService`. Tests do not use this module:
 * they give <App/> a service built on a fake host.
 */
import type { Lang } from "../engine/types";
import { OfficeHost } from "../excel/officeHost";
import { PreviewHost } from "../preview/previewHost";
import type { PreviewOpener, PreviewSession } from "./components/PreviewBar";
import { ENGINE } from "./engine";
import { createService, type ReformService } from "./service";

/** The service over the workbook open in Excel. */
export function defaultOfficeService(): ReformService {
  return createService(new OfficeHost(), ENGINE);
}

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

function session(host: PreviewHost, fileName: string): PreviewSession {
  return {
    service: createService(host, ENGINE),
    fileName,
    download: async () => new Blob([new Uint8Array(await host.download())], { type: XLSX_TYPE }),
  };
}

/** Opens workbooks in the browser preview, in memory (exceljs); nothing leaves the browser. */
export function defaultPreviewOpener(): PreviewOpener {
  return {
    async openFile(file: File) {
      return session(await PreviewHost.open(await file.arrayBuffer()), file.name);
    },
    async openSample(lang: Lang) {
      const host = PreviewHost.blank(lang);
      const s = session(host, lang === "zh" ? "示例工作簿.xlsx" : "sample-workbook.xlsx");
      const inserted = await s.service.insertSample(lang);
      if (inserted.status !== "done") throw new Error("The sample workbook was not inserted");
      return s;
    },
  };
}
