import type { Report } from '../core/model';
import { writeFileSync } from 'node:fs';
import { isRedactionProfile, type RedactionProfile } from '../core/trace/redact/profiles';
import { ruleDoc } from './core-api';
import { formatHuman } from './format-human';
import { formatJson } from './format-json';
import { judgeInputs, sayUnusable } from './judge';
import { UsageError } from './read-inputs';
import { expectationOptions, type ExpectationFlags } from './options';
import type { CommandSpec } from './spec';
import { stdoutIsTerminal, writeStderr } from './terminal';

interface CheckFlags extends ExpectationFlags {
  json?: boolean;
  format?: 'text' | 'json' | 'markdown' | 'html';
  redact?: string;
  output?: string;
  includeXml?: boolean;
  color: boolean;
  fixes: boolean;
  verbose?: boolean;
}

/** Reports load their redaction and XML formatting only when asked for, so a plain check starts faster. */
async function ticketReport(format: 'markdown' | 'html', report: Report, profile: RedactionProfile): Promise<string> {
  const { reportHtml, reportMarkdown } = await import('../core/trace/reports');
  return format === 'markdown' ? reportMarkdown(report, { profile }) : reportHtml(report, { profile });
}

/** The width to wrap to: `COLUMNS` when set (as shells and other tools honour it), the terminal's, else 80. */
function terminalWidth(): number {
  const env = Number(process.env.COLUMNS);
  if (Number.isInteger(env) && env >= 20) return env;
  return stdoutIsTerminal() && process.stdout.columns ? process.stdout.columns : 80;
}

export function checkSpec(out: (s: string) => void, done: (code: number) => void): CommandSpec {
  return {
    name: 'check',
    description: 'Check SAML messages: HAR, SAML-tracer JSON, a SAML Lens trace, raw XML, base64, a URL, a form body, an auto-posting HTML page, or - for stdin.',
    args: [['<input...>', 'files (or - for stdin, or a URL / base64 message given directly)']],
    options: [
      ...expectationOptions(),
      { flags: '--format <format>', description: 'output: text, json, markdown (ticket report), html (self-contained report)', choices: ['text', 'json', 'markdown', 'html'] },
      { flags: '--json', description: 'same as --format json: one JSON object (schemaVersion 1)' },
      { flags: '--redact <profile>', description: 'redaction for markdown/html reports: none, support (default), share; text and json are never redacted' },
      { flags: '-o, --output <file>', description: 'write the output to a file instead of standard output' },
      { flags: '--include-xml', description: 'with --json: include each decoded message' },
      { flags: '--no-color', description: 'plain output' },
      { flags: '--no-fixes', description: 'omit the fix hints' },
      { flags: '-v, --verbose', description: "text output: every IdP's fix, every instance of a grouped finding, whole attribute lists and identifiers" },
    ],
    run: async ([inputs], f) => {
      const flags = f as unknown as CheckFlags;
      const format = flags.format ?? (flags.json ? 'json' : 'text');
      // Text and JSON print every captured value as it is: a redaction asked for there would be a promise the
      // output does not keep, so it is refused rather than ignored (none is what they already are).
      if (flags.redact !== undefined && flags.redact !== 'none' && isRedactionProfile(flags.redact) && format !== 'markdown' && format !== 'html') {
        throw new UsageError(
          `--redact ${flags.redact} applies to --format markdown and html only; ${format} output is never redacted (for a shareable file: --format html --redact ${flags.redact}, or convert --to trace --redact ${flags.redact})`,
        );
      }
      const { loaded, report, profile } = await judgeInputs(inputs as string[], { ...flags, redact: flags.redact ?? 'support' });
      const color = flags.color && !flags.output && !process.env.NO_COLOR && stdoutIsTerminal();
      const text =
        format === 'json'
          ? formatJson(report, { includeXml: Boolean(flags.includeXml), inputs: loaded.names, rule: ruleDoc })
          : format === 'markdown' || format === 'html'
            ? await ticketReport(format, report, profile)
            : formatHuman(report, ruleDoc, { color, fixes: flags.fixes, verbose: Boolean(flags.verbose), width: terminalWidth() });
      if (flags.output) writeFileSync(flags.output, text);
      else out(text);
      done(sayUnusable(loaded, writeStderr) ?? (report.summary.errors > 0 ? 1 : 0));
    },
  };
}
