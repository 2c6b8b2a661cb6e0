// One fuzz case: the full check (read, decode, parse, verify, rules, flows) on an input. A failure is an exception,
// an internal-error finding, or more than a second of work. Work is CPU time, not wall time: on a machine shared
// with other jobs wall time measures the neighbours.
import { analyzeText } from '../../lib/core/analyze';
import type { AnalyzeOptions } from '../../lib/core/model';
import { loadTestKey } from '../../lib/samlgen';

export const LIMIT_MS = 1000;

const options: AnalyzeOptions = { trustedCertificates: [loadTestKey('idp').certificatePem], spPrivateKeyPem: loadTestKey('sp').privateKeyPem };

export type Failure = { kind: 'exception' | 'internal-error' | 'slow'; detail: string };

function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

async function once(input: string): Promise<{ failure?: Failure; ms: number }> {
  const t0 = process.cpuUsage();
  try {
    const { report } = await analyzeText(input, options);
    const ms = cpuMs(t0);
    const internal = [...report.findings, ...report.messages.flatMap((m) => m.findings)].find((f) => f.rule === 'internal-error');
    if (internal) return { failure: { kind: 'internal-error', detail: internal.message }, ms };
    return { ms };
  } catch (e) {
    return { failure: { kind: 'exception', detail: e instanceof Error ? (e.stack ?? e.message) : String(e) }, ms: cpuMs(t0) };
  }
}

/** The failure this input causes, or undefined. A slow case is timed twice, so a busy machine alone does not fail it. */
export async function check(input: string): Promise<Failure | undefined> {
  const first = await once(input);
  if (first.failure) return first.failure;
  if (first.ms <= LIMIT_MS) return undefined;
  const second = await once(input);
  if (second.failure) return second.failure;
  return second.ms > LIMIT_MS ? { kind: 'slow', detail: `${Math.round(Math.min(first.ms, second.ms))} ms of CPU time` } : undefined;
}
