import type { CapturedSignatures, Problem, SignatureVerdict } from '../model';

/**
 * Captured verdicts come from a file (a trace's `verdicts` and `capturedSignatures`, a HAR's `_samlLens`), so
 * from whoever made it. Only the fields SAML Lens writes, with their types, are taken; certificate details are
 * dropped (they would read as facts about a certificate nobody checked here), and text is cut and freed of
 * control characters before it reaches a terminal or a page.
 */
const STATUSES = new Set<string>(['valid', 'invalid', 'untrusted', 'unchecked']);
const FORMS = new Set<string>(['xml', 'redirect-query']);
const FAILURES = new Set<string>(['digest', 'signature-value', 'structure', 'algorithm', 'no-key']);
const MAX_TEXT = 400;
/** More signatures than any message SAML Lens accepts carries; a longer list is not a capture. */
const MAX_VERDICTS = 16;

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Text from a file, safe to print: no control characters (terminal escapes), bounded length. */
export function fileText(v: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = v.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, ' ');
  return clean.length > MAX_TEXT ? `${clean.slice(0, MAX_TEXT)}…` : clean;
}

/** One verdict as stored, or why it cannot be one. */
export function readVerdict(raw: unknown): SignatureVerdict | string {
  if (!isObj(raw)) return `a verdict is ${raw === null ? 'null' : Array.isArray(raw) ? 'a list' : `a ${typeof raw}`}, not an object`;
  const { target, targetKind, form, status, reason, failure, signatureAlgorithm, digestAlgorithm, captured } = raw;
  if (typeof target !== 'string' || !target.startsWith('/')) return 'a verdict has no element path ("target")';
  if (typeof targetKind !== 'string' || !/^[A-Za-z][\w.-]*$/.test(targetKind)) return 'a verdict has no element name ("targetKind")';
  if (typeof form !== 'string' || !FORMS.has(form)) return 'a verdict\'s "form" is neither "xml" nor "redirect-query"';
  if (typeof status !== 'string' || !STATUSES.has(status)) return `a verdict's status ${typeof status === 'object' && status !== null ? 'that is not text' : JSON.stringify(status ?? null)?.slice(0, 40)} is not valid, invalid, untrusted or unchecked`;
  if (typeof reason !== 'string') return 'a verdict has no "reason" text';
  if (failure !== undefined && (typeof failure !== 'string' || !FAILURES.has(failure))) return 'a verdict\'s "failure" is not one SAML Lens writes';
  for (const alg of [signatureAlgorithm, digestAlgorithm]) if (alg !== undefined && typeof alg !== 'string') return 'a verdict\'s algorithm is not text';
  if (captured !== undefined && captured !== true) return 'a verdict\'s "captured" is not true';
  const v: SignatureVerdict = {
    target: fileText(target),
    targetKind: fileText(targetKind),
    form: form as SignatureVerdict['form'],
    status: status as SignatureVerdict['status'],
    reason: fileText(reason),
  };
  if (typeof signatureAlgorithm === 'string') v.signatureAlgorithm = fileText(signatureAlgorithm);
  if (typeof digestAlgorithm === 'string') v.digestAlgorithm = fileText(digestAlgorithm);
  if (failure !== undefined) v.failure = failure as SignatureVerdict['failure'];
  if (captured === true) v.captured = true;
  return v;
}

/**
 * The verdicts of one message as stored. Malformed verdicts are dropped, each said in a problem (`where`
 * names the place in the file); a list with nothing usable left is dropped whole.
 */
export function readVerdicts(raw: unknown, where: string, problems: Problem[]): SignatureVerdict[] | undefined {
  if (!Array.isArray(raw)) {
    problems.push(ignored(`${where}: the captured signature verdicts are not a list`));
    return undefined;
  }
  if (raw.length > MAX_VERDICTS) {
    problems.push(ignored(`${where}: ${raw.length} captured signature verdicts for one message is more than any message carries`));
    return undefined;
  }
  const verdicts: SignatureVerdict[] = [];
  for (const item of raw) {
    const v = readVerdict(item);
    if (typeof v === 'string') problems.push(ignored(`${where}: ${v}`));
    else verdicts.push(v);
  }
  return raw.length > 0 && verdicts.length === 0 ? undefined : verdicts;
}

/** An entry's `capturedSignatures` as stored (in a trace entry or a HAR's `_samlLens`). */
export function readCapturedSignatures(raw: unknown, where: string, problems: Problem[]): CapturedSignatures[] | undefined {
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw)) {
    problems.push(ignored(`${where}: "capturedSignatures" is not a list`));
    return undefined;
  }
  const out: CapturedSignatures[] = [];
  raw.forEach((group, i) => {
    if (!isObj(group) || typeof group.parameter !== 'string') {
      problems.push(ignored(`${where}: captured signatures ${i + 1} name no parameter`));
      return;
    }
    const verdicts = readVerdicts(group.verdicts, `${where}, ${fileText(group.parameter)}`, problems);
    if (verdicts) out.push({ parameter: group.parameter, verdicts });
  });
  return out.length ? out : undefined;
}

function ignored(what: string): Problem {
  return {
    rule: 'input-unrecognised',
    severity: 'warning',
    message: `${what}; it was ignored. Captured verdicts are claims of whoever made the file and are only shown for messages redaction changed, never counted as verified.`,
  };
}
