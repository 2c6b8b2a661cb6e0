// Words every surface shares, so the CLI, the reports and the panel say the same thing.

/** The mark in front of a verdict: ✓ nothing to fix, ! a warning, ✗ an error. */
export const VERDICT_MARK = { ok: '✓', warning: '!', error: '✗' } as const;

/** `1 error`, `2 errors`. */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
