import { Command } from 'commander';
import { checkSpec } from './check';
import { convertSpec } from './convert';
import { diffSpec } from './diff';
import { useNodePlatform } from '../node/platform';
import { UsageError } from './read-inputs';
import { quickParse, toCommander } from './spec';
import { writeStderr, writeStdout } from './terminal';
import { VERSION } from './version';

export { outputFlushed } from './terminal';

useNodePlatform();

/**
 * Runs the CLI; returns the exit code: 0 no error finding (diff: nothing that matters differs), 1 error findings
 * (diff: something that matters differs), 2 unusable input or usage.
 */
export async function main(argv: string[], out: (s: string) => void = writeStdout): Promise<number> {
  let code = 0;
  const done = (c: number) => {
    code = c;
  };
  // Only errors and notes go to standard error: its stream is loaded only when one is written.
  const log = writeStderr;
  const specs = new Map([
    ['check', () => checkSpec(out, done)],
    ['convert', () => convertSpec(log, out, done)],
    ['diff', () => diffSpec(out, done)],
  ]);
  // When the first argument names a command, everything after it is that command's, and only that one is built.
  const named = specs.get(argv[0] ?? '')?.();
  try {
    const quick = named && quickParse(named, argv.slice(1));
    if (quick) {
      await named.run(quick.args, quick.flags);
      return code;
    }
    const cli = new Command('saml-lens')
      .description('Decode, verify and explain SAML single sign-on messages and traces.')
      .version(VERSION, '-V, --version', 'print the version')
      .exitOverride()
      .configureOutput({ writeOut: out, writeErr: log });
    for (const spec of named ? [named] : [...specs.values()].map((make) => make())) cli.addCommand(toCommander(spec));
    for (const sub of cli.commands) sub.exitOverride().configureOutput({ writeOut: out, writeErr: log });
    if (argv.length === 0) {
      // Bad usage exits 2, as the README says; the help goes to standard error so a pipe sees nothing.
      cli.outputHelp({ error: true });
      return 2;
    }
    await cli.parseAsync(argv, { from: 'user' });
    return code;
  } catch (err) {
    // commander is loaded on first use: its errors are known by their code, not their class.
    const commander = (err as { code?: unknown })?.code;
    if (typeof commander === 'string' && commander.startsWith('commander.')) {
      // Help and version are not errors; otherwise commander has already printed its one-line message.
      return ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(commander) ? 0 : 2;
    }
    const message = err instanceof UsageError ? err.message : `internal error: ${(err as Error)?.message ?? String(err)}`;
    log(`saml-lens: ${message}\n`);
    return 2;
  }
}
