import { useState } from 'preact/hooks';
import { copyText } from '../clipboard';

export function CopyButton({ text, label = 'Copy' }: { text: string | (() => string); label?: string }) {
  const [done, setDone] = useState<'' | 'copied' | 'failed'>('');
  const onClick = async () => {
    const ok = await copyText(typeof text === 'function' ? text() : text);
    setDone(ok ? 'copied' : 'failed');
    setTimeout(() => setDone(''), 1500);
  };
  return (
    <button type="button" class="sl-copy" onClick={onClick} title={label}>
      {done === 'copied' ? 'Copied' : done === 'failed' ? 'Copy failed' : label}
    </button>
  );
}
