import { useEffect, useLayoutEffect, useReducer, useRef, useState } from 'preact/hooks';
import {
  Virtualizer,
  elementScroll,
  observeElementOffset,
  observeElementRect,
  type VirtualizerOptions,
} from '@tanstack/virtual-core';

export interface VirtualListOptions {
  count: number;
  /** Row height in CSS pixels, fixed per row (one for all, or per index): known in advance, so no measuring is needed. */
  rowHeight: number | ((index: number) => number);
  overscan?: number;
  getKey?: (index: number) => string | number;
}

/**
 * A Preact binding for @tanstack/virtual-core (the library ships React/Vue/Solid adapters only): the
 * instance lives for the component's lifetime, options are refreshed on every render, and a change of the
 * visible range re-renders the component.
 */
export function useVirtualList(opts: VirtualListOptions) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const options: VirtualizerOptions<HTMLDivElement, HTMLDivElement> = {
    count: opts.count,
    getScrollElement: () => scrollRef.current,
    estimateSize: typeof opts.rowHeight === 'number' ? () => opts.rowHeight as number : opts.rowHeight,
    scrollToFn: elementScroll,
    observeElementRect,
    observeElementOffset,
    overscan: opts.overscan ?? 12,
    getItemKey: opts.getKey ?? ((i) => i),
    onChange: () => rerender(0),
  };
  const [virtualizer] = useState(() => new Virtualizer(options));
  virtualizer.setOptions(options);
  useLayoutEffect(() => virtualizer._didMount(), [virtualizer]);
  useLayoutEffect(() => {
    virtualizer._willUpdate();
  });
  // Row heights are fixed, but the count (and which rows are flow headers) changes as captures arrive: re-measure.
  useEffect(() => {
    virtualizer.measure();
  }, [virtualizer, opts.count, opts.rowHeight]);
  return { scrollRef, virtualizer };
}
