import { useEffect, useState } from 'preact/hooks';

/** The value, settled for `ms`: filtering 5,000 rows waits until typing pauses instead of on every key. */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return settled;
}
