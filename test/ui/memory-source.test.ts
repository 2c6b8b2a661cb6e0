import { describe, expect, it } from 'vitest';
import { createMemorySource } from '../../lib/ui/memory-source';
import { DEFAULT_SETTINGS } from '../../lib/ui/state/settings-form';
import { entry } from './fixtures';

describe('in-memory data source', () => {
  it('notifies subscribers of new entries, settings and clearing, until unsubscribed', async () => {
    const src = createMemorySource([entry('a')]);
    let calls = 0;
    const off = src.subscribe(() => calls++);
    src.add([entry('b')]);
    expect((await src.load()).map((e) => e.id)).toEqual(['a', 'b']);
    await src.setSettings({ ...DEFAULT_SETTINGS, idpEntityId: 'https://idp' });
    expect((await src.getSettings()).idpEntityId).toBe('https://idp');
    await src.clear();
    expect(await src.load()).toEqual([]);
    expect(calls).toBe(3);
    off();
    src.add([entry('c')]);
    expect(calls).toBe(3);
  });

  it('drops captures while recording is paused', async () => {
    const src = createMemorySource();
    await src.setRecording(false);
    src.add([entry('x')]);
    expect(await src.load()).toEqual([]);
    expect(await src.getRecording()).toBe(false);
  });
});
