/**
 * Errors of the workbook hosts: a message key (src/engine/messages/host.ts) with its parameters, so the
 * panes can show it in the user's language with `t(error.key, lang, error.params)`. The `message` is the
 * English text, for logs.
 */
import { t } from "../engine/messages";
import type { MessageParams } from "../engine/types";

export class HostError extends Error {
  readonly key: string;
  readonly params: MessageParams;

  constructor(key: string, params: MessageParams = {}) {
    super(t(key, "en", params));
    this.name = key === "host.cancelled" ? "AbortError" : "HostError";
    this.key = key;
    this.params = params;
  }
}

/** True for the error a cancelled host call rejects with. */
export function isCancelled(error: unknown): boolean {
  return error instanceof HostError && error.key === "host.cancelled";
}

/** Throws `HostError("host.cancelled")` when the signal has been aborted. Called between round trips. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new HostError("host.cancelled");
}
