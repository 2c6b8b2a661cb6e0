import type { Report } from '../../core/model';
import { useVirtualList } from '../hooks/useVirtualList';
import type { Row } from '../state/rows';
import { nextSelectable } from '../state/rows';
import { FlowRowView, ListHeader, MessageRowView, OtherRowView } from './MessageRows';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

export const ROW_HEIGHT = 26;
/** Flow headers take two lines: number, kind, time and outcome must not be cut to "SP-initiat…". */
export const FLOW_ROW_HEIGHT = 42;

export interface MessageListProps {
  rows: Row[];
  report: Report;
  cursor: number;
  onCursor: (rowIndex: number) => void;
  /** A row was clicked (or Enter pressed): show its detail, whatever the layout. `focus`: move the focus there. */
  onOpen: (focus: boolean) => void;
  /** A flow header was clicked. */
  onFlow: (rowIndex: number) => void;
  /** Flow id -> short label (#1, #2...) for the chronological view. */
  flowLabels: Map<string, string>;
  listRef?: { current: HTMLDivElement | null };
  emptyText?: string;
  /** Changes when the cursor was set for the person (on opening): scroll it into view. */
  revealSeq?: number;
}

export function MessageList({ rows, report, cursor, onCursor, onOpen, onFlow, flowLabels, listRef, emptyText = 'No SAML messages to show.', revealSeq = 0 }: MessageListProps) {
  // One function per list of rows: a new one re-measures every row.
  const rowHeight = useCallback((i: number) => (rows[i]?.type === 'flow' ? FLOW_ROW_HEIGHT : ROW_HEIGHT), [rows]);
  const { scrollRef, virtualizer } = useVirtualList({
    count: rows.length,
    rowHeight,
    getKey: (i) => rows[i]?.key ?? i,
  });

  // Scroll only when the keyboard moved the cursor: captures arriving must not yank the list back.
  const follow = useRef(false);
  useEffect(() => {
    if (follow.current && cursor >= 0 && cursor < rows.length) virtualizer.scrollToIndex(cursor, { align: 'auto' });
    follow.current = false;
  }, [cursor, rows.length, virtualizer]);
  useEffect(() => {
    if (revealSeq > 0 && cursor >= 0) virtualizer.scrollToIndex(cursor, { align: 'center' });
  }, [revealSeq]);

  // New captures land at the end: follow them while the list is scrolled to its end, offer a jump otherwise.
  const [atEnd, setAtEnd] = useState(true);
  const [unseen, setUnseen] = useState(false);
  const atEndRef = useRef(true);
  const count = useRef(rows.length);
  const onScroll = () => {
    const el = scrollRef.current;
    if (!el) return;
    const end = el.scrollTop + el.clientHeight >= el.scrollHeight - ROW_HEIGHT;
    atEndRef.current = end;
    setAtEnd(end);
    if (end) setUnseen(false);
  };
  useLayoutEffect(() => {
    const grew = rows.length > count.current;
    count.current = rows.length;
    if (!grew) return;
    if (atEndRef.current) virtualizer.scrollToIndex(rows.length - 1, { align: 'end' });
    else setUnseen(true);
  }, [rows.length, virtualizer]);
  const jump = () => {
    virtualizer.scrollToIndex(rows.length - 1, { align: 'end' });
    atEndRef.current = true;
    setAtEnd(true);
    setUnseen(false);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      follow.current = true;
      onCursor(nextSelectable(rows, cursor < 0 ? (e.key === 'ArrowDown' ? -1 : rows.length) : cursor, e.key === 'ArrowDown' ? 1 : -1));
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      follow.current = true;
      onCursor(e.key === 'Home' ? nextSelectable(rows, -1, 1) : nextSelectable(rows, rows.length, -1));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      onOpen(true);
    }
  };

  const items = virtualizer.getVirtualItems();
  return (
    <div class="sl-list-pane">
      <ListHeader />
      <div
        class="sl-list"
        ref={(el) => {
          scrollRef.current = el;
          if (listRef) listRef.current = el;
        }}
        tabIndex={0}
        role="listbox"
        aria-label="Captured SAML messages"
        aria-activedescendant={cursor >= 0 ? `sl-row-${cursor}` : undefined}
        onKeyDown={onKeyDown}
        onScroll={onScroll}
      >
        {rows.length === 0 ? <div class="sl-empty">{emptyText}</div> : null}
        <div style={{ height: `${virtualizer.getTotalSize()}px`, position: 'relative' }}>
          {items.map((it) => {
            const row = rows[it.index];
            if (!row) return null;
            const selected = it.index === cursor;
            return (
              <div
                key={row.key}
                id={`sl-row-${it.index}`}
                role={row.type === 'flow' ? 'presentation' : 'option'}
                aria-selected={row.type === 'flow' ? undefined : selected}
                class={`sl-vrow${selected ? ' sl-selected' : ''}${row.type === 'flow' ? ' sl-vrow-flow' : ''}`}
                style={{ transform: `translateY(${it.start}px)`, height: `${it.size}px` }}
                onClick={() => {
                  if (row.type === 'flow') onFlow(it.index);
                  else {
                    onCursor(it.index);
                    onOpen(false);
                  }
                }}
              >
                {row.type === 'flow' ? (
                  <FlowRowView row={row} />
                ) : row.type === 'other' ? (
                  <OtherRowView e={row.entry} />
                ) : report.messages[row.index] ? (
                  <MessageRowView m={report.messages[row.index]!} grouped={row.grouped} flowLabel={row.grouped ? undefined : flowLabels.get(row.flowId)} />
                ) : null}
              </div>
            );
          })}
        </div>
      </div>
      {unseen && !atEnd ? (
        <button type="button" class="sl-jump" onClick={jump}>
          ↓ Jump to newest
        </button>
      ) : null}
    </div>
  );
}
