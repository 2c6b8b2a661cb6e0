import { Command, Option } from 'commander';
import { writeFileSync } from 'node:fs';
import type { ExportFormat } from '../core/trace/export';
import { isRedactionProfile, type RedactionProfile } from '../core/trace/redact/profiles';
import type { Report, TraceEntry } from '../core/model';
import { thousands } from './core-api';
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

/** How many of the written entries carry a SAML message (the report names each message's entry). */
function samlEntries(report: Report, entries: readonly TraceEntry[]): number {
  const written = new Set(entries.map((e) => e.id));
  return new Set(report.messages.map((m) => m.entry).filter((id) => written.has(id))).size;
}

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
    const n = result.entries.length;
    log(
      `saml-lens: ${flags.output ? `wrote ${flags.output}` : 'converted'}: ${thousands(n)} entr${n === 1 ? 'y' : 'ies'} (${thousands(samlEntries(report, result.entries))} SAML) as ${flags.to}, redaction ${flags.redact}` +
        (r.counts ? ` (${Object.entries(r.counts).map(([k, v]) => `${v} ${k}`).join(', ')})` : '') +
        '\n',
    );
    // What a limit left out of the input is not in the output either: said here, not only in a report.
    for (const p of loaded.problems) if (p.rule === 'input-limit') log(`saml-lens: note: ${p.message}\n`);
    for (const note of result.notes) log(`saml-lens: note: ${note.entry ? `${note.entry}: ` : ''}${note.message}\n`);
    done(0);
  });
  return cmd;
}
