import { describe, expect, it } from 'vitest';
import { takeInput, type InputResult } from '../../lib/ui/state/viewer-input';
import { entry } from './fixtures';

const reader = (result: InputResult) => () => result;

describe('viewer input', () => {
  it('prefixes entry ids with the batch number so two pastes never collide', () => {
    const read = reader({ format: 'base64', entries: [entry('pasted-1')], problems: [] });
    const a = takeInput('PHNhbWw+', undefined, 1, read);
    const b = takeInput('PHNhbWw+', undefined, 2, read);
    expect(a.batch?.entries[0]?.id).toBe('b1:pasted-1');
    expect(b.batch?.entries[0]?.id).toBe('b2:pasted-1');
    expect(a.summary).toBe('Added 1 request from pasted text (base64).');
  });

  it('reports input with nothing in it without a batch, keeping the problems', () => {
    const out = takeInput('hello', 'notes.txt', 1, reader({ format: 'unknown', entries: [], problems: [{ rule: 'input-unrecognised', message: 'not SAML' }] }));
    expect(out.batch).toBeUndefined();
    expect(out.summary).toContain('notes.txt');
    expect(out.summary).toContain('kept');
    expect(out.problems[0]?.rule).toBe('input-unrecognised');
  });

  it('turns a reader that throws into a problem instead of a crash', () => {
    const out = takeInput('{', 'trace.har', 3, () => {
      throw new Error('Unexpected end of JSON input');
    });
    expect(out.batch).toBeUndefined();
    expect(out.problems).toEqual([{ rule: 'input-unrecognised', message: 'Unexpected end of JSON input' }]);
  });

  it('does not call the reader for blank input', () => {
    let called = false;
    takeInput('  \n', undefined, 1, () => ((called = true), { format: 'unknown', entries: [], problems: [] }));
    expect(called).toBe(false);
  });
});
