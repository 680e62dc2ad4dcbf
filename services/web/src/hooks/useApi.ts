import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api';

export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

interface Answer<T> {
  data: T | undefined;
  error: ApiError | undefined;
  /** the dependencies the answer was loaded for: loading while they differ from the current ones */
  loadedFor: readonly unknown[] | undefined;
}

const sameDependencies = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((value, index) => Object.is(value, b[index]));

/** Loads from the API when `key` changes; keeps the previous data visible while reloading. */
export function useApi<T>(load: () => Promise<T>, key: unknown[]): Loaded<T> {
  const [answer, setAnswer] = useState<Answer<T>>({ data: undefined, error: undefined, loadedFor: undefined });
  const [tick, setTick] = useState(0);
  const dependencies = [...key, tick];

  useEffect(() => {
    let alive = true;
    // `load` is this render's: the effect runs again only when `key` or `tick` changes
    load().then(
      (value) => {
        if (alive) setAnswer({ data: value, error: undefined, loadedFor: dependencies });
      },
      (reason: unknown) => {
        const error = reason instanceof ApiError ? reason : new ApiError(0, 'unknown', String(reason));
        if (alive) setAnswer((previous) => ({ data: previous.data, error, loadedFor: dependencies }));
      },
    );
    return () => {
      alive = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, dependencies);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  const loading = answer.loadedFor === undefined || !sameDependencies(answer.loadedFor, dependencies);
  return { data: answer.data, error: answer.error, loading, reload };
}
