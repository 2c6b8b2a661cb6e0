import { useRef, useState } from 'preact/hooks';

/** Whether a drag carries files (not text or a link dragged from the page itself). */
function carriesFiles(e: DragEvent): boolean {
  return Array.from(e.dataTransfer?.types ?? []).includes('Files');
}

/**
 * Drop files anywhere on a page to import them, as on DevTools' Network panel. Nested dragenter/dragleave
 * pairs are counted so that crossing a child element does not flicker the drop outline.
 */
export function useFileDrop(onFiles: (files: File[]) => void): {
  over: boolean;
  handlers: { onDragEnter: (e: DragEvent) => void; onDragOver: (e: DragEvent) => void; onDragLeave: (e: DragEvent) => void; onDrop: (e: DragEvent) => void };
} {
  const [over, setOver] = useState(false);
  const depth = useRef(0);
  return {
    over,
    handlers: {
      onDragEnter: (e) => {
        if (!carriesFiles(e)) return;
        depth.current += 1;
        setOver(true);
      },
      onDragOver: (e) => {
        // Without preventDefault the browser opens the file instead of dropping it here.
        if (carriesFiles(e)) e.preventDefault();
      },
      onDragLeave: () => {
        depth.current = Math.max(0, depth.current - 1);
        if (depth.current === 0) setOver(false);
      },
      onDrop: (e) => {
        depth.current = 0;
        setOver(false);
        // An inner drop zone (the viewer's input box) already took these files.
        if (e.defaultPrevented) return;
        const files = Array.from(e.dataTransfer?.files ?? []);
        if (files.length === 0) return;
        e.preventDefault();
        onFiles(files);
      },
    },
  };
}
