import type { Report } from '../../core/model';
import { useVirtualList } from '../hooks/useVirtualList';
import type { Row } from '../state/rows';
import { nextSelectable } from '../state/rows';
import { FlowRowView, MessageRowView, OtherRowView } from './MessageRows';
import { useEffect, useRef } from 'preact/hooks';

const ROW_HEIGHT = 26;

export interface MessageListProps {
  rows: Row[];
  report: Report;
  cursor: number;
  onCursor: (rowIndex: number) => void;
  onOpen: () => void;
  /** Flow id -> short label (#1, #2...) for the chronological view. */
  flowLabels: Map<string, string>;
  listRef?: { current: HTMLDivElement | null };
  emptyText?: string;
}

export function MessageList({ rows, report, cursor, onCursor, onOpen, flowLabels, listRef, emptyText = 'No SAML messages to show.' }: MessageListProps) {
  const { scrollRef, virtualizer } = useVirtualList({ count: rows.length, rowHeight: ROW_HEIGHT, getKey: (i) => rows[i]?.key ?? i });

  // Scroll only when the keyboard moved the cursor: captures arriving must not yank the list back.
  const follow = useRef(false);
  useEffect(() => {
    if (follow.current && cursor >= 0 && cursor < rows.length) virtualizer.scrollToIndex(cursor, { align: 'auto' });
    follow.current = false;
  }, [cursor, rows.length, virtualizer]);

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
      onOpen();
    }
  };

  const items = virtualizer.getVirtualItems();
  return (
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
              class={`sl-vrow${selected ? ' sl-selected' : ''}`}
              style={{ transform: `translateY(${it.start}px)`, height: `${ROW_HEIGHT}px` }}
              onClick={() => row.type !== 'flow' && onCursor(it.index)}
              onDblClick={() => row.type !== 'flow' && onOpen()}
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
  );
}
