/** Share of the list in the split, kept between 15 % and 85 % so neither side disappears. */
export function clampSplit(f: number): number {
  return Math.min(0.85, Math.max(0.15, f));
}

export interface SplitterProps {
  /** 'vertical': a bar between columns (dragged sideways); 'horizontal': between rows (dragged up and down). */
  orientation: 'vertical' | 'horizontal';
  value: number;
  onChange: (fraction: number) => void;
}

/** The draggable bar between list and detail; arrow keys move it too. */
export function Splitter({ orientation, value, onChange }: SplitterProps) {
  const vertical = orientation === 'vertical';
  const onPointerDown = (e: PointerEvent) => {
    const bar = e.currentTarget as HTMLElement;
    const box = bar.parentElement?.getBoundingClientRect();
    if (!box) return;
    e.preventDefault();
    bar.setPointerCapture(e.pointerId);
    const move = (ev: PointerEvent) => onChange(clampSplit(vertical ? (ev.clientX - box.left) / box.width : (ev.clientY - box.top) / box.height));
    const up = () => {
      bar.removeEventListener('pointermove', move);
      bar.removeEventListener('pointerup', up);
      bar.removeEventListener('pointercancel', up);
    };
    bar.addEventListener('pointermove', move);
    bar.addEventListener('pointerup', up);
    bar.addEventListener('pointercancel', up);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const back = vertical ? 'ArrowLeft' : 'ArrowUp';
    const forth = vertical ? 'ArrowRight' : 'ArrowDown';
    if (e.key === back || e.key === forth) {
      e.preventDefault();
      onChange(clampSplit(value + (e.key === forth ? 0.05 : -0.05)));
    }
  };
  return (
    <div
      class={`sl-splitter sl-splitter-${orientation}`}
      role="separator"
      aria-orientation={orientation}
      aria-label="Resize the list and the detail"
      aria-valuenow={Math.round(value * 100)}
      aria-valuemin={15}
      aria-valuemax={85}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  );
}
