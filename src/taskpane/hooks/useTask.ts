/**
 * A long operation of the service (run, compare, sweep) as React state: progress by stage, Cancel
 * through an AbortController, and the replace-confirmation question waiting for the user's answer.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { RunHooks, RunProgress } from "../service";

export type TaskPhase = "idle" | "running" | "finished" | "failed";

export interface PendingConfirm {
  sheets: string[];
  answer(replace: boolean): void;
}

export interface TaskState<T> {
  phase: TaskPhase;
  progress?: RunProgress;
  result?: T;
  error?: string;
  /** Set while the service waits for the user to allow replacing result sheets. */
  confirm?: PendingConfirm;
  start(): void;
  cancel(): void;
}

/**
 * @example const task = useTask((hooks) => service.run(["rebid"], params, lang, hooks));
 */
export function useTask<T>(operation: (hooks: RunHooks) => Promise<T>): TaskState<T> {
  const [phase, setPhase] = useState<TaskPhase>("idle");
  const [progress, setProgress] = useState<RunProgress | undefined>();
  const [result, setResult] = useState<T | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [confirm, setConfirm] = useState<PendingConfirm | undefined>();
  const controller = useRef<AbortController | undefined>();
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      controller.current?.abort();
    };
  }, []);

  const start = useCallback(() => {
    if (controller.current) return;
    const ac = new AbortController();
    controller.current = ac;
    setPhase("running");
    setProgress(undefined);
    setResult(undefined);
    setError(undefined);
    const hooks: RunHooks = {
      signal: ac.signal,
      onProgress: (p) => mounted.current && setProgress(p),
      confirmReplace: (sheets) =>
        new Promise<boolean>((resolve) => {
          if (!mounted.current || ac.signal.aborted) return resolve(false);
          const onAbort = (): void => {
            setConfirm(undefined);
            resolve(false);
          };
          ac.signal.addEventListener("abort", onAbort, { once: true });
          setConfirm({
            sheets,
            answer: (replace) => {
              ac.signal.removeEventListener("abort", onAbort);
              setConfirm(undefined);
              resolve(replace);
            },
          });
        }),
    };
    operation(hooks).then(
      (value) => {
        controller.current = undefined;
        if (!mounted.current) return;
        setResult(value);
        setPhase("finished");
      },
      (e: unknown) => {
        controller.current = undefined;
        if (!mounted.current) return;
        setError(e instanceof Error ? e.message : String(e));
        setPhase("failed");
      },
    );
  }, [operation]);

  const cancel = useCallback(() => controller.current?.abort(), []);

  return { phase, progress, result, error, confirm, start, cancel };
}
