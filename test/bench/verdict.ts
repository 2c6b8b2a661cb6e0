// Issue 9: what grouping findings and writing verdicts (lib/core/verdict, the last step of analyze) cost on the
// 50 MB HAR, against analyze as a whole. Target: under 10 %.
import { analyze } from '../../lib/core/analyze';
import { readInput } from '../../lib/core/input';
import type { AnalyzeOptions, Report } from '../../lib/core/model';
import { finishReport } from '../../lib/core/verdict';
import { bigHar } from './har';
import { fmt, median } from './timing';

/** Returns 1 when the target is not met. */
export async function verdictCost(now: string, options: AnalyzeOptions): Promise<number> {
  const input = readInput(bigHar(50, now), { name: 'bench.har' });
  let report: Report | undefined;
  const analyzeMs = await median(async () => {
    report = await analyze(input.entries, options);
  }, 3, 1);
  // finishReport is idempotent: run again on the finished report it does the same work as inside analyze.
  const finishMs = await median(() => finishReport(report!), 20, 3);
  const share = finishMs / analyzeMs;
  const ok = share < 0.1;
  console.log(
    `\ngrouping and verdicts on the 50 MB HAR (${report!.messages.length} messages, ${report!.flows.length} flow${report!.flows.length === 1 ? '' : 's'}): ${fmt(finishMs)} of analyze's ${fmt(analyzeMs)}` +
      ` = ${(share * 100).toFixed(2)} %; target under 10 %: ${ok ? 'met' : 'NOT MET'}`,
  );
  return ok ? 0 : 1;
}
