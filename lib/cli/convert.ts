import { Command, Option } from 'commander';
import { writeFileSync } from 'node:fs';
import type { ExportFormat } from '../core/trace/export';
import { isRedactionProfile, type RedactionProfile } from '../core/trace/redact/profiles';
import { judge } from './judge';
import { loadInputs } from './load';
import { addExpectationOptions, expectationsFrom, type ExpectationFlags } from './options';
import { UsageError } from './read-inputs';

interface ConvertFlags extends ExpectationFlags {
  to: ExportFormat;
  redact: string;
  output?: string;
}

const FORMATS: ExportFormat[] = ['trace', 'har', 'saml-tracer'];

export function convertCommand(log: (s: string) => void, out: (s: string) => void, done: (code: number) => void): Command {
  const cmd = new Command('convert')
    .description('Convert a capture to a SAML Lens trace, HAR 1.2 or SAML-tracer JSON, redacted for sharing.')
    .argument('<input...>', 'HAR, SAML-tracer export, SAML Lens trace, or messages (as for check)')
    .addOption(new Option('--to <format>', 'trace (SAML Lens, keeps verdicts), har, saml-tracer').choices(FORMATS).makeOptionMandatory())
    .option('--redact <profile>', 'none; support (default: cookies, credentials, passwords, tokens removed); share (also personal data pseudonymised)', 'support')
    .option('-o, --output <file>', 'file to write (default: standard output)');
  addExpectationOptions(cmd).action(async (inputs: string[], flags: ConvertFlags) => {
    if (!isRedactionProfile(flags.redact)) throw new UsageError(`--redact takes none, support or share, not "${flags.redact}"`);
    const loaded = await loadInputs(inputs);
    const { options, notes } = await expectationsFrom(flags, loaded.savedSettings);
    // Verdicts are computed before redaction: a redacted signed message cannot be re-verified later.
    const report = await judge(loaded, options, notes);
    const { exportEntries } = await import('../core/trace/export');
    const result = exportEntries(loaded.entries, { format: flags.to, profile: flags.redact as RedactionProfile, report, settings: options });
    if (flags.output) writeFileSync(flags.output, result.text);
    else out(result.text);
    const r = result.redaction;
    log(
      `saml-lens: ${flags.output ? `wrote ${flags.output}` : 'converted'}: ${result.entries.length} entr${result.entries.length === 1 ? 'y' : 'ies'} as ${flags.to}, redaction ${flags.redact}` +
        (r.counts ? ` (${Object.entries(r.counts).map(([k, v]) => `${v} ${k}`).join(', ')})` : '') +
        '\n',
    );
    for (const note of result.notes) log(`saml-lens: note: ${note.entry ? `${note.entry}: ` : ''}${note.message}\n`);
    done(0);
  });
  return cmd;
}
