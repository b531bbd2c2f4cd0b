/** The workbook overview (tables found, readiness, scenarios) as React state, reloadable. */
import { useCallback, useEffect, useRef, useState } from "react";
import type { ReformService, WorkbookOverview } from "../service";

export interface OverviewState {
  overview?: WorkbookOverview;
  loading: boolean;
  error?: string;
  reload(): void;
}

export function useOverview(service: ReformService | undefined): OverviewState {
  const [overview, setOverview] = useState<WorkbookOverview | undefined>();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const generation = useRef(0);

  const reload = useCallback(() => {
    if (!service) return;
    const mine = ++generation.current;
    setLoading(true);
    setError(undefined);
    service.listTables().then(
      (o) => {
        if (mine !== generation.current) return;
        setOverview(o);
        setLoading(false);
      },
      (e: unknown) => {
        if (mine !== generation.current) return;
        setError(e instanceof Error ? e.message : String(e));
        setLoading(false);
      },
    );
  }, [service]);

  useEffect(() => {
    setOverview(undefined);
    reload();
    return () => {
      generation.current++;
    };
  }, [reload]);

  return { overview, loading, error, reload };
}
