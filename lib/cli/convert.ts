import { writeFileSync } from 'node:fs';
import type { ExportFormat } from '../core/trace/export';
import type { Report, TraceEntry } from '../core/model';
import { thousands } from './core-api';
import { judgeInputs, sayUnusable } from './judge';
import { expectationOptions, type ExpectationFlags } from './options';
import type { CommandSpec } from './spec';

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

export function convertSpec(log: (s: string) => void, out: (s: string) => void, done: (code: number) => void): CommandSpec {
  return {
    name: 'convert',
    description: 'Convert a capture to a SAML Lens trace, HAR 1.2 or SAML-tracer JSON, redacted for sharing.',
    args: [['<input...>', 'HAR, SAML-tracer export, SAML Lens trace, or messages (as for check)']],
    options: [
      { flags: '--to <format>', description: 'trace (SAML Lens, keeps verdicts), har, saml-tracer', choices: FORMATS, mandatory: true },
      { flags: '--redact <profile>', description: 'none; support (default: cookies, credentials, passwords, tokens removed); share (also personal data pseudonymised)', default: 'support' },
      { flags: '-o, --output <file>', description: 'file to write (default: standard output)' },
      ...expectationOptions(),
    ],
    run: async ([inputs], f) => {
      const flags = f as unknown as ConvertFlags;
      // Verdicts are computed before redaction: a redacted signed message cannot be re-verified later.
      const { loaded, options, report, profile } = await judgeInputs(inputs as string[], flags);
      const { exportEntries } = await import('../core/trace/export');
      const result = exportEntries(loaded.entries, { format: flags.to, profile, report, settings: options });
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
      done(sayUnusable(loaded, log) ?? 0);
    },
  };
}
