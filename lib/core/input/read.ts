// readInput: whatever the user drops or pastes -> trace entries, never an exception.
import type { Problem, TraceEntry } from '../model';
import { looksLikeSaml } from '../binding/looks-like';
import { isRecord, str } from './fields';
import { harEntryMayBeSaml, paramsEncodingOf, readHarEntry } from './har';
import { HarContext, redirectsTo, samlUrls } from './har-context';
import { KeepBudget, type ImportLimits } from './limits';
import { readPasted } from './pasted';
import { salvageTruncated } from './salvage';
import { fromSamlTracerRequest } from './saml-tracer';
import { isTraceDocument, parseTrace } from '../trace/native';
import type { InputFormat, InputResult, ReadOptions } from './types';
import { capTrace, TraceCap } from './cap';

export function readInput(text: string, opts: ReadOptions = {}): InputResult {
  let result: InputResult;
  try {
    result = readUnchecked(text, opts);
  } catch (e) {
    const why = e instanceof Error && e.message ? e.message : 'unexpected error';
    result = fail('unknown', `could not be read (${why})`);
  }
  const capped = capTrace(result.entries);
  if (capped.problem) {
    result.entries = capped.entries;
    result.problems.push(capped.problem);
  }
  if (opts.capturedAt) for (const e of result.entries) e.capturedAt ??= opts.capturedAt;
  if (opts.name) for (const p of result.problems) p.message = `${opts.name}: ${p.message}`;
  return result;
}

function readUnchecked(text: string, opts: ReadOptions): InputResult {
  if (typeof text !== 'string') return fail('unknown', 'the input is not text');
  const t = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).trim();
  if (t === '') return fail('unknown', 'the input is empty');
  if (t.startsWith('{') || t.startsWith('[')) {
    let data: unknown;
    try {
      data = JSON.parse(t);
    } catch (e) {
      const why = e instanceof Error ? e.message.slice(0, 160) : 'syntax error';
      const salvaged = salvageTruncated(t);
      if (!salvaged) return fail('unknown', `the input looks like JSON but is not valid JSON (${why})`);
      const read = readJson(salvaged.data, opts);
      const cut = problem(`the file is not valid JSON after its first ${salvaged.kept} complete ${salvaged.kept === 1 ? 'entry' : 'entries'} (${why}): it was probably cut off; those entries are read, anything after them is lost`, 'warning');
      return { ...read, problems: [cut, ...read.problems] };
    }
    return readJson(data, opts);
  }
  const pasted = readPasted(t, opts.capturedAt);
  if (!pasted.entry) return fail(pasted.format, pasted.problem ?? 'the input was not recognised');
  return { format: pasted.format, entries: [pasted.entry], problems: [] };
}

function readJson(data: unknown, opts: ReadOptions): InputResult {
  if (isRecord(data)) {
    if (isTraceDocument(data)) return readNativeTrace(data);
    if (isRecord(data.log) && Array.isArray(data.log.entries)) return readHar(data.log, data.log.entries, opts.limits);
    if (Array.isArray(data.requests)) return readSamlTracer(data.requests, str(data.timestamp) ?? opts.capturedAt, opts.limits);
  }
  return fail('unknown', 'the JSON is neither a HAR file (log.entries) nor a SAML-tracer export (requests)');
}

function readNativeTrace(data: unknown): InputResult {
  const parsed = parseTrace(data);
  if (!parsed.trace) return { format: 'saml-lens-trace', entries: [], problems: parsed.problems };
  return { format: 'saml-lens-trace', entries: parsed.trace.entries, problems: parsed.problems, trace: parsed.trace };
}

function readHar(log: Record<string, unknown>, rawEntries: unknown[], limits: ImportLimits | undefined): InputResult {
  const creator = isRecord(log.creator) ? str(log.creator.name) : undefined;
  const encoding = paramsEncodingOf(creator);
  const entries: TraceEntry[] = [];
  const problems: Problem[] = [];
  const context = new HarContext();
  const budget = new KeepBudget(limits);
  // Only a file past the limit needs to know ahead where its SAML requests are.
  const targets = rawEntries.length > budget.maxOthers() ? samlUrls(rawEntries, harEntryMayBeSaml) : new Set<string>();
  // Entries past the trace cap are not even read: a HAR of a hundred thousand messages costs its JSON.parse.
  const cap = new TraceCap();
  let saml = 0;
  for (let i = 0; i < rawEntries.length; i++) {
    const raw = rawEntries[i];
    budget.seen();
    // Every entry is kept: a SAML one starts a navigation to follow, the pages of that navigation and the
    // redirect into it are kept whole, the others up to the file's limit (a cheap pre-check spares reading the
    // ones left out).
    const maySaml = harEntryMayBeSaml(raw);
    const wanted = !maySaml && (context.wants(raw) || (targets.size > 0 && redirectsTo(raw, targets)));
    if (!maySaml && !wanted && !budget.hasRoom()) continue;
    const read = readHarEntry(raw, i, encoding);
    problems.push(...read.problems);
    if (!read.entry) continue;
    const isSaml = maySaml && looksLikeSaml(read.entry);
    if (isSaml && !cap.fits(read.entry)) {
      const requests = rawEntries.slice(i).filter(harEntryMayBeSaml).length;
      problems.push(cap.problem({ first: read.entry.id, last: `har-${rawEntries.length - 1}`, entries: rawEntries.length - i, requests }));
      break;
    }
    if (isSaml) {
      saml += 1;
      context.start(read.entry);
      budget.keepContext();
    } else if (wanted || (maySaml && context.wants(raw))) {
      context.keep(read.entry);
      budget.keepContext();
    } else if (maySaml && !budget.hasRoom()) {
      continue;
    } else {
      budget.keepOther(read.entry);
    }
    entries.push(read.entry);
  }
  // First, where a caller that needs a SAML message (the CLI) looks for why there is none.
  if (saml === 0) problems.unshift(noSaml('HAR file', rawEntries.length));
  problems.push(...budget.problems());
  return { format: 'har', entries, problems, counts: { read: rawEntries.length, kept: entries.length, saml } };
}

function readSamlTracer(requests: unknown[], exportTime: string | undefined, limits: ImportLimits | undefined): InputResult {
  const entries: TraceEntry[] = [];
  const problems: Problem[] = [];
  const budget = new KeepBudget(limits);
  let saml = 0;
  requests.forEach((raw, i) => {
    budget.seen();
    const entry = fromSamlTracerRequest(raw, i, exportTime);
    if (!entry) {
      problems.push(problem(`SAML-tracer request ${i} has no URL; skipped`, 'warning'));
      return;
    }
    if (looksLikeSaml(entry)) {
      saml += 1;
      budget.keepContext();
    } else if (budget.hasRoom()) {
      budget.keepOther(entry);
    } else {
      return;
    }
    entries.push(entry);
  });
  if (saml === 0) problems.unshift(noSaml('SAML-tracer export', requests.length));
  problems.push(...budget.problems());
  return { format: 'saml-tracer', entries, problems, counts: { read: requests.length, kept: entries.length, saml } };
}

function noSaml(what: string, count: number): Problem {
  return problem(
    `the ${what} holds ${count} request${count === 1 ? '' : 's'} and none carries a SAML message ` +
      '(SAMLRequest, SAMLResponse, SAMLart, wresult or a SAML SOAP body)',
    'info',
  );
}

function fail(format: InputFormat, message: string, severity: Problem['severity'] = 'error'): InputResult {
  return { format, entries: [], problems: [problem(message, severity)] };
}

function problem(message: string, severity: Problem['severity']): Problem {
  return { rule: 'input-unrecognised', severity, message: `${message.charAt(0).toUpperCase()}${message.slice(1)}.` };
}
