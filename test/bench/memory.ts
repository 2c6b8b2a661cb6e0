// Child process of test/bench/c-floor.ts: the memory one full check of a message takes above the process's
// baseline (modules loaded, the message in memory). Prints JSON {"baselineMb", "peakMb"}; run with --expose-gc.
import { readFileSync } from 'node:fs';
import { analyzeText } from '../../lib/core/analyze';
import { loadTestKey } from '../../lib/samlgen';
import { BENCH_IDP, BENCH_SP } from './messages';

const [file] = process.argv.slice(2);
const body = `SAMLResponse=${encodeURIComponent(readFileSync(file!, 'utf8'))}`;
const options = { trustedCertificates: [loadTestKey('idp').certificatePem], spEntityId: BENCH_SP.entityId, acsUrl: BENCH_SP.acs, idpEntityId: BENCH_IDP, at: 'now' as const };
// Everything the check loads once (modules, schemas, the imported key) belongs to the baseline.
await analyzeText('<x/>', options);
(globalThis as { gc?: () => void }).gc?.();
const baseline = process.memoryUsage().rss;
for (let i = 0; i < 3; i++) await analyzeText(body, options);
const peak = process.resourceUsage().maxRSS * 1024;
const mb = (b: number) => Math.round((b / 1024 / 1024) * 10) / 10;
// The process's peak is never below the check's own: peak minus baseline is an upper bound of what it took.
console.log(JSON.stringify({ baselineMb: mb(baseline), peakMb: mb(peak) }));
