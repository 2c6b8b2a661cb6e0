import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/** A modal panel over the UI: focus moves into it, Esc closes it (App's own Esc handling sees the same key). */
export function Modal({ title, onClose, children, class: cls = '' }: { title: string; onClose: () => void; children: ComponentChildren; class?: string }) {
  const ref = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    ref.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        onClose();
      }
    };
    const el = ref.current;
    el?.addEventListener('keydown', onKey);
    return () => el?.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div class="sl-modal-back" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <div class={`sl-modal ${cls}`} role="dialog" aria-modal="true" aria-label={title} tabIndex={-1} ref={ref}>
        <header class="sl-modal-head">
          <h2>{title}</h2>
          <button type="button" class="sl-modal-close" onClick={onClose} aria-label="Close">
            ✕
          </button>
        </header>
        {children}
      </div>
    </div>
  );
}
