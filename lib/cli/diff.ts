import { Command, Option } from 'commander';
import { addExpectationOptions, type ExpectationFlags } from './options';

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

export function diffCommand(out: (s: string) => void, done: (code: number) => void): Command {
  const cmd = new Command('diff')
    .description('Compare two logins (the one that works and the one that fails): what differs that matters for SSO, ranked, with the findings it explains.')
    .argument('<a>', 'the first capture (HAR, SAML-tracer export, SAML Lens trace, or one message; - for stdin)')
    .argument('[b]', 'the second capture (default: the same file, with --flow-a/--flow-b or --message-a/--message-b)');
  addExpectationOptions(cmd)
    .option('--flow <n>', 'compare flow N (1-based) of each side; default: the first flow with a Response, or the only message')
    .option('--message <n>', 'compare message N (1-based) of each side')
    .option('--flow-a <n>', 'flow N of A (overrides --flow)')
    .option('--flow-b <n>', 'flow N of B (overrides --flow)')
    .option('--message-a <n>', 'message N of A (overrides --message)')
    .option('--message-b <n>', 'message N of B (overrides --message)')
    .option('--force', 'compare even when A and B share no IdP or SP entity ID')
    .addOption(new Option('--format <format>', 'output: text, json, markdown (ticket report)').choices(['text', 'json', 'markdown']))
    .option('--json', 'same as --format json: one JSON object (schemaVersion 1, type "diff")')
    .option('--include-same', 'with --json: also list the fields equal on both sides')
    .option('--redact <profile>', 'redaction: none, support, share (default support for markdown, none otherwise)')
    .option('-o, --output <file>', 'write the output to a file instead of standard output')
    .option('--no-color', 'plain output')
    .action(async (a: string, b: string | undefined, flags: DiffFlags) => {
      const { runDiff } = await import('./diff-run');
      done(await runDiff(a, b, flags, out));
    });
  return cmd;
}
