import { Command, CommanderError, Option } from 'commander';
import type { AnalyzeOptions, Finding, TraceEntry } from '../core/model';
import { analyze, findingFromProblem, profileIds, readInput, ruleDoc } from './core-api';
import { formatHuman } from './format-human';
import { formatJson } from './format-json';
import { readCertificateFile, readInputText, readTextFile, UsageError } from './read-inputs';

interface CheckFlags {
  profile: string;
  idpCert: string[];
  idpMetadata?: string;
  spMetadata?: string;
  idpEntityId?: string;
  spEntityId?: string;
  acsUrl?: string;
  accountSid?: string;
  spKey?: string;
  at: string;
  clockSkew: string;
  json?: boolean;
  includeXml?: boolean;
  color: boolean;
  fixes: boolean;
}

const collect = (value: string, previous: string[]) => [...previous, value];

async function buildOptions(flags: CheckFlags): Promise<AnalyzeOptions> {
  if (flags.at !== 'capture' && flags.at !== 'now' && Number.isNaN(Date.parse(flags.at))) {
    throw new UsageError(`--at takes capture, now or an ISO 8601 instant, not "${flags.at}"`);
  }
  if (!profileIds().includes(flags.profile)) {
    throw new UsageError(`unknown profile "${flags.profile}"; known profiles: ${profileIds().join(', ')}`);
  }
  const skew = Number(flags.clockSkew);
  if (!Number.isFinite(skew) || skew < 0) throw new UsageError(`--clock-skew takes a number of seconds, not "${flags.clockSkew}"`);
  return {
    profile: flags.profile,
    idpEntityId: flags.idpEntityId,
    spEntityId: flags.spEntityId,
    acsUrl: flags.acsUrl,
    accountSid: flags.accountSid,
    trustedCertificates: await Promise.all(flags.idpCert.map(readCertificateFile)),
    idpMetadataXml: flags.idpMetadata ? await readTextFile(flags.idpMetadata, 'IdP metadata') : undefined,
    spMetadataXml: flags.spMetadata ? await readTextFile(flags.spMetadata, 'SP metadata') : undefined,
    spPrivateKeyPem: flags.spKey ? await readTextFile(flags.spKey, 'SP private key') : undefined,
    clockSkewSeconds: skew,
    at: flags.at,
  };
}

async function runCheck(inputs: string[], flags: CheckFlags, out: (s: string) => void): Promise<number> {
  const options = await buildOptions(flags);
  const entries: TraceEntry[] = [];
  const inputFindings: Finding[] = [];
  const names: string[] = [];
  for (const [i, arg] of inputs.entries()) {
    const { name, text } = await readInputText(arg);
    names.push(name);
    const input = readInput(text, { name });
    if (!input.entries.length) {
      const why = input.problems[0]?.message ?? 'no SAML message, HAR or SAML-tracer export recognised';
      throw new UsageError(`${name}: ${why}`);
    }
    // Entries of several inputs form one trace (a request URL and a response file correlate); ids stay unique.
    for (const e of input.entries) entries.push(inputs.length > 1 ? { ...e, id: `${i + 1}:${e.id}` } : e);
    inputFindings.push(...input.problems.map((p) => findingFromProblem(p, options.profile)));
  }
  const report = await analyze(entries, options);
  if (inputFindings.length) {
    report.findings.unshift(...inputFindings);
    for (const f of inputFindings) report.summary[f.severity === 'error' ? 'errors' : f.severity === 'warning' ? 'warnings' : 'infos']++;
  }
  out(
    flags.json
      ? formatJson(report, { includeXml: Boolean(flags.includeXml), inputs: names })
      : formatHuman(report, ruleDoc, { color: flags.color && Boolean(process.stdout.isTTY) && !process.env.NO_COLOR, fixes: flags.fixes }),
  );
  return report.summary.errors > 0 ? 1 : 0;
}

function program(out: (s: string) => void, result: { code: number }): Command {
  const cli = new Command('saml-lens')
    .description('Decode, verify and explain SAML single sign-on messages and traces.')
    .exitOverride()
    .configureOutput({ writeOut: out, writeErr: (s) => process.stderr.write(s) });
  cli
    .command('check')
    .description('Check SAML messages: HAR, SAML-tracer JSON, raw XML, base64, a URL, or - for stdin.')
    .argument('<input...>', 'files (or - for stdin, or a URL / base64 message given directly)')
    .addOption(new Option('--profile <name>', 'service-provider profile').default('generic'))
    .option('--idp-cert <file>', 'trusted IdP signing certificate: PEM, DER or bare base64 (repeatable)', collect, [])
    .option('--idp-metadata <file>', 'IdP metadata XML: entity ID and signing certificates')
    .option('--sp-metadata <file>', 'SP metadata XML: entity ID and ACS URLs')
    .option('--idp-entity-id <id>', 'expected IdP entity ID (Issuer)')
    .option('--sp-entity-id <id>', 'SP entity ID (expected Audience)')
    .option('--acs-url <url>', 'SP Assertion Consumer Service URL (expected Destination/Recipient)')
    .option('--account-sid <sid>', 'Twilio Account SID (twilio-flex profile)')
    .option('--sp-key <file>', 'SP private key (PEM) to decrypt encrypted assertions; read locally, never stored')
    .option('--at <when>', 'judge time conditions at: capture, now, or an ISO 8601 instant', 'capture')
    .option('--clock-skew <seconds>', 'allowed clock difference', '180')
    .option('--json', 'print one JSON object (schemaVersion 1)')
    .option('--include-xml', 'with --json: include each decoded message')
    .option('--no-color', 'plain output')
    .option('--no-fixes', 'omit the fix hints')
    .action(async (inputs: string[], flags: CheckFlags) => {
      result.code = await runCheck(inputs, flags, out);
    });
  return cli;
}

/** Runs the CLI; returns the exit code: 0 no error finding, 1 error findings, 2 unusable input or usage. */
export async function main(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s)): Promise<number> {
  const result = { code: 0 };
  try {
    await program(out, result).parseAsync(argv, { from: 'user' });
    return result.code;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version are not errors; commander has already printed its own one-line message otherwise.
      return err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help' ? 0 : 2;
    }
    const message = err instanceof UsageError ? err.message : `internal error: ${(err as Error)?.message ?? String(err)}`;
    process.stderr.write(`saml-lens: ${message}\n`);
    return 2;
  }
}
