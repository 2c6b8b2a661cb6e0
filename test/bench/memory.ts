// Child process of test/bench/c-floor.ts: the memory one full check of a message takes above the process's
// baseline (modules loaded, the message in memory). Prints JSON {"baselineMb", "peakMb"}; run with --expose-gc.
import { readFileSync, writeFileSync } from 'node:fs';
import { analyzeText } from '../../lib/core/analyze';
import { loadTestKey } from '../../lib/samlgen';
import { BENCH_IDP, BENCH_SP } from './messages';

const [file] = process.argv.slice(2);
const body = `SAMLResponse=${encodeURIComponent(readFileSync(file!, 'utf8'))}`;
const options = { trustedCertificates: [loadTestKey('idp').certificatePem], spEntityId: BENCH_SP.entityId, acsUrl: BENCH_SP.acs, idpEntityId: BENCH_IDP, at: 'now' as const };

/*
 * The process's own high-water mark, from Linux's /proc/self/status (VmHWM), reset once the baseline is taken
 * (clear_refs 5) so that it is the checks' peak alone. Not getrusage's maxRSS: a child inherits there the
 * peak of the process it was forked from, and the bench's own 150 MB read as the check's (a child of a
 * process holding 242 MB reported 204 MB where its own peak was 40 MB). Elsewhere maxRSS is an upper bound.
 */
function highWaterMark(): number {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kb) return Number(kb) * 1024;
  } catch {
    // Not Linux.
  }
  return process.resourceUsage().maxRSS * 1024;
}

// Everything the check loads once (modules, schemas, the imported key) belongs to the baseline.
await analyzeText('<x/>', options);
(globalThis as { gc?: () => void }).gc?.();
const baseline = process.memoryUsage().rss;
try {
  writeFileSync('/proc/self/clear_refs', '5');
} catch {
  // Not Linux: the peak since the process started, loading included.
}
for (let i = 0; i < 3; i++) await analyzeText(body, options);
const peak = Math.max(highWaterMark(), baseline);
const mb = (b: number) => Math.round((b / 1024 / 1024) * 10) / 10;
console.log(JSON.stringify({ baselineMb: mb(baseline), peakMb: mb(peak) }));
