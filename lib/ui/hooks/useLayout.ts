import { useEffect, useState } from 'preact/hooks';

/**
 * How list and detail share the window. DevTools docked right is narrow and tall, docked bottom wide and
 * short; both must show the selected message's answer without a click.
 * - columns: list beside detail (wide windows, however short);
 * - rows: list above detail (narrow but tall enough for both);
 * - stack: one at a time, the detail replacing the list when a row is opened (narrow and short).
 */
export type Layout = 'columns' | 'rows' | 'stack';

export const COLUMNS_MIN_WIDTH = 760;
export const ROWS_MIN_HEIGHT = 420;

export function layoutFor(width: number, height: number): Layout {
  if (width >= COLUMNS_MIN_WIDTH) return 'columns';
  return height >= ROWS_MIN_HEIGHT ? 'rows' : 'stack';
}

export function useLayout(): Layout {
  const read = () => layoutFor(window.innerWidth, window.innerHeight);
  const [layout, setLayout] = useState<Layout>(read);
  useEffect(() => {
    const on = () => setLayout(read());
    window.addEventListener('resize', on);
    return () => window.removeEventListener('resize', on);
  }, []);
  return layout;
}
