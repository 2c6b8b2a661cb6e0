import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const child = fileURLToPath(new URL('./retained.ts', import.meta.url));
const root = fileURLToPath(new URL('../../..', import.meta.url));

function retainedMb(count: number, mode: 'new' | 'same'): number {
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', child, String(count), mode], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(r.stderr);
  return (JSON.parse(r.stdout) as { retainedMb: number }).retainedMb;
}

// A capture runs for hours and a HAR holds hundreds of messages: what the core remembers from one message to
// the next (interned names, checks of values, KeyInfo certificates) must never keep the messages themselves.
describe('memory across messages', () => {
  it('keeps none of 40 messages of 0.5 MB, each with names, namespaces, values and a certificate of its own', { timeout: 180_000 }, () => {
    // What the first check loads (modules, schemas) stays either way: measured against the same message 40
    // times. Every one of the 40 kept would be 20 MB more; four of them, 2 MB.
    expect(retainedMb(40, 'new') - retainedMb(40, 'same')).toBeLessThan(2);
  });
});
