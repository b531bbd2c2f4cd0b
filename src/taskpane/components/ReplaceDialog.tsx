import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from "@fluentui/react-components";
import type { Lang } from "../../engine/types";
import { t } from "../../engine/messages";
import { joinList } from "../format";
import type { PendingConfirm } from "../hooks/useTask";

/** Asks before result sheets replace earlier ones; Escape or "Keep them" keeps them. */
export function ReplaceDialog({ confirm, lang }: { confirm: PendingConfirm | undefined; lang: Lang }) {
  return (
    <Dialog
      open={confirm !== undefined}
      modalType="alert"
      onOpenChange={(_, d) => {
        if (!d.open) confirm?.answer(false);
      }}
    >
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t("ui.replace.title", lang)}</DialogTitle>
          <DialogContent>{t("ui.replace.body", lang, { sheets: joinList(confirm?.sheets ?? [], lang) })}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => confirm?.answer(true)}>
              {t("ui.replace.confirm", lang)}
            </Button>
            <Button onClick={() => confirm?.answer(false)}>{t("ui.replace.keep", lang)}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
