import { Command, CommanderError } from 'commander';
import { checkCommand } from './check';
import { useCryptoPrimitives } from './core-api';
import { convertCommand } from './convert';
import { diffCommand } from './diff';
import { nodeCryptoPrimitives } from './node-crypto';
import { UsageError } from './read-inputs';
import { writeStderr, writeStdout } from './terminal';
import { VERSION } from './version';

export { outputFlushed } from './terminal';

useCryptoPrimitives(nodeCryptoPrimitives);

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
  const cli = new Command('saml-lens')
    .description('Decode, verify and explain SAML single sign-on messages and traces.')
    .version(VERSION, '-V, --version', 'print the version')
    .exitOverride()
    .configureOutput({ writeOut: out, writeErr: log });
  const commands = new Map([
    ['check', () => checkCommand(out, done)],
    ['convert', () => convertCommand(log, out, done)],
    ['diff', () => diffCommand(out, done)],
  ]);
  // Building a command's options is a measurable part of a start: when the first argument names a command,
  // everything after it is that command's, and only that one is built.
  const named = commands.get(argv[0] ?? '');
  for (const make of named ? [named] : commands.values()) cli.addCommand(make());
  for (const sub of cli.commands) sub.exitOverride().configureOutput({ writeOut: out, writeErr: log });
  if (argv.length === 0) {
    // Bad usage exits 2, as the README says; the help goes to standard error so a pipe sees nothing.
    cli.outputHelp({ error: true });
    return 2;
  }
  try {
    await cli.parseAsync(argv, { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version are not errors; otherwise commander has already printed its one-line message.
      return ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(err.code) ? 0 : 2;
    }
    const message = err instanceof UsageError ? err.message : `internal error: ${(err as Error)?.message ?? String(err)}`;
    log(`saml-lens: ${message}\n`);
    return 2;
  }
}
