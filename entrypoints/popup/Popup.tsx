import { useEffect, useState } from 'preact/hooks';
import type { DataSource } from '../../lib/ui/data-source';
import './popup.css';

interface Props {
  source: DataSource;
  open: (page: 'devtools-panel.html' | 'viewer.html' | 'options.html') => void;
}

/** Record / pause / clear, and the way to the panel, the viewer and the settings. */
export function Popup({ source, open }: Props) {
  const [recording, setRecording] = useState<boolean | undefined>(undefined);
  const [counts, setCounts] = useState({ requests: 0, tabs: 0 });

  useEffect(() => {
    const refresh = async () => {
      const [on, entries] = await Promise.all([source.getRecording(), source.load()]);
      setRecording(on);
      setCounts({ requests: entries.length, tabs: new Set(entries.map((e) => e.tabId)).size });
    };
    void refresh();
    return source.subscribe(() => void refresh());
  }, [source]);

  return (
    <main class="popup">
      <h1>SAML Lens</h1>
      <p class="status" aria-live="polite">
        {recording === undefined ? '…' : recording ? 'Recording every tab' : 'Paused'} · {counts.requests} request
        {counts.requests === 1 ? '' : 's'} kept
      </p>
      <div class="row">
        <button type="button" data-testid="toggle-recording" onClick={() => void source.setRecording(!recording)}>
          {recording ? 'Pause' : 'Record'}
        </button>
        <button type="button" data-testid="clear" onClick={() => void source.clear()}>
          Clear
        </button>
      </div>
      <nav class="links">
        <button type="button" onClick={() => open('devtools-panel.html')}>Open captures in a tab</button>
        <button type="button" onClick={() => open('viewer.html')}>Decode a message…</button>
        <button type="button" onClick={() => open('options.html')}>Settings</button>
      </nav>
      <p class="hint">Open DevTools (F12) and choose the “SAML” panel to see the current tab’s flows.</p>
    </main>
  );
}
