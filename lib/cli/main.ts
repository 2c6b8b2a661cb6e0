import { Command, CommanderError } from 'commander';
import { checkCommand } from './check';
import { convertCommand } from './convert';
import { diffCommand } from './diff';
import { UsageError } from './read-inputs';
import { writeStdout } from './terminal';
import { VERSION } from './version';

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
  const log = (s: string) => process.stderr.write(s);
  const cli = new Command('saml-lens')
    .description('Decode, verify and explain SAML single sign-on messages and traces.')
    .version(VERSION, '-V, --version', 'print the version')
    .exitOverride()
    .configureOutput({ writeOut: out, writeErr: log })
    .addCommand(checkCommand(out, done))
    .addCommand(convertCommand(log, out, done))
    .addCommand(diffCommand(out, done));
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
