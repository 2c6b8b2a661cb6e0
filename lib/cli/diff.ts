import { expectationOptions, type ExpectationFlags } from './options';
import type { CommandSpec } from './spec';

export interface DiffFlags extends ExpectationFlags {
  json?: boolean;
  format?: 'text' | 'json' | 'markdown';
  redact?: string;
  output?: string;
  color: boolean;
  flow?: string;
  message?: string;
  flowA?: string;
  flowB?: string;
  messageA?: string;
  messageB?: string;
  force?: boolean;
  includeSame?: boolean;
}

export function diffSpec(out: (s: string) => void, done: (code: number) => void): CommandSpec {
  return {
    name: 'diff',
    description: 'Compare two logins (the one that works and the one that fails): what differs that matters for SSO, ranked, with the findings it explains.',
    args: [
      ['<a>', 'the first capture (HAR, SAML-tracer export, SAML Lens trace, or one message; - for stdin)'],
      ['[b]', 'the second capture (default: the same file, with --flow-a/--flow-b or --message-a/--message-b)'],
    ],
    options: [
      ...expectationOptions(),
      { flags: '--flow <n>', description: 'compare flow N (1-based) of each side; default: the first flow with a Response, or the only message' },
      { flags: '--message <n>', description: 'compare message N (1-based) of each side' },
      { flags: '--flow-a <n>', description: 'flow N of A (overrides --flow)' },
      { flags: '--flow-b <n>', description: 'flow N of B (overrides --flow)' },
      { flags: '--message-a <n>', description: 'message N of A (overrides --message)' },
      { flags: '--message-b <n>', description: 'message N of B (overrides --message)' },
      { flags: '--force', description: 'compare even when A and B share no IdP or SP entity ID' },
      { flags: '--format <format>', description: 'output: text, json, markdown (ticket report)', choices: ['text', 'json', 'markdown'] },
      { flags: '--json', description: 'same as --format json: one JSON object (schemaVersion 1, type "diff")' },
      { flags: '--include-same', description: 'with --json: also list the fields equal on both sides' },
      { flags: '--redact <profile>', description: 'redaction: none, support, share (default support for markdown, none otherwise)' },
      { flags: '-o, --output <file>', description: 'write the output to a file instead of standard output' },
      { flags: '--no-color', description: 'plain output' },
    ],
    run: async ([a, b], flags) => {
      const { runDiff } = await import('./diff-run');
      done(await runDiff(a as string, b as string | undefined, flags as unknown as DiffFlags, out));
    },
  };
}
