// readInput: whatever the user drops or pastes -> trace entries, never an exception.
import type { Problem, TraceEntry } from '../model';
import { looksLikeSaml } from '../binding/looks-like';
import { isRecord, str } from './fields';
import { harEntryMayBeSaml, paramsEncodingOf, readHarEntry } from './har';
import { HarContext } from './har-context';
import { readPasted } from './pasted';
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
      return fail('unknown', `the input looks like JSON but is not valid JSON (${why})`);
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
    if (isRecord(data.log) && Array.isArray(data.log.entries)) return readHar(data.log, data.log.entries);
    if (Array.isArray(data.requests)) return readSamlTracer(data.requests, str(data.timestamp) ?? opts.capturedAt);
  }
  return fail('unknown', 'the JSON is neither a HAR file (log.entries) nor a SAML-tracer export (requests)');
}

function readNativeTrace(data: unknown): InputResult {
  const parsed = parseTrace(data);
  if (!parsed.trace) return { format: 'saml-lens-trace', entries: [], problems: parsed.problems };
  return { format: 'saml-lens-trace', entries: parsed.trace.entries, problems: parsed.problems, trace: parsed.trace };
}

function readHar(log: Record<string, unknown>, rawEntries: unknown[]): InputResult {
  const creator = isRecord(log.creator) ? str(log.creator.name) : undefined;
  const encoding = paramsEncodingOf(creator);
  const entries: TraceEntry[] = [];
  const problems: Problem[] = [];
  const context = new HarContext();
  // Entries past the trace cap are not even read: a HAR of a hundred thousand messages costs its JSON.parse.
  const cap = new TraceCap();
  for (let i = 0; i < rawEntries.length; i++) {
    const raw = rawEntries[i];
    // A SAML entry is kept and starts a navigation to follow; other entries only when they continue one.
    const maySaml = harEntryMayBeSaml(raw);
    const wanted = !maySaml && context.wants(raw);
    if (!maySaml && !wanted) continue;
    const read = readHarEntry(raw, i, encoding);
    const saml = maySaml && read.entry !== undefined && looksLikeSaml(read.entry);
    const keep = saml || wanted || (maySaml && context.wants(raw));
    if (read.entry && keep && !cap.fits(read.entry)) {
      const requests = rawEntries.slice(i).filter(harEntryMayBeSaml).length;
      problems.push(cap.problem({ first: read.entry.id, last: `har-${rawEntries.length - 1}`, entries: rawEntries.length - i, requests }));
      break;
    }
    if (maySaml || keep) problems.push(...read.problems);
    if (!read.entry || !keep) continue;
    if (saml) context.start(read.entry);
    else context.keep(read.entry);
    entries.push(read.entry);
  }
  if (entries.length === 0) problems.push(noSaml('HAR file', rawEntries.length));
  return { format: 'har', entries, problems };
}

function readSamlTracer(requests: unknown[], exportTime: string | undefined): InputResult {
  const entries: TraceEntry[] = [];
  const problems: Problem[] = [];
  requests.forEach((raw, i) => {
    const entry = fromSamlTracerRequest(raw, i, exportTime);
    if (!entry) problems.push(problem(`SAML-tracer request ${i} has no URL; skipped`, 'warning'));
    else if (looksLikeSaml(entry)) entries.push(entry);
  });
  if (entries.length === 0) problems.push(noSaml('SAML-tracer export', requests.length));
  return { format: 'saml-tracer', entries, problems };
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
