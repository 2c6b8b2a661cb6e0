import type {
  AnalyzeOptions,
  ExtractedMessage,
  MessageReport,
  ParsedSaml,
  Problem,
  Report,
  SignatureVerdict,
  TraceEntry,
} from './model';
import { logoutSendersFromIssuers, logoutSendersFromPairs, logoutSendersFromProducts } from './flow/logout-sender';
import { readInput, type InputResult } from './input';
import { entityForSourceId, extractMessages } from './binding';
import { parseSamlMessages } from './xml';
import { verifySignatures } from './signature';
import { judgeRedacted } from './captured';
import { groupFlows, NO_EARLIER, timeReference, type FlowMessage } from './flow';
import { hopExpectations, traceHops, type Hop } from './flow/hop';
import { resolveExpectations, type ResolvedExpectations } from './profiles';
import { genericProfile } from './profiles/generic';
import { buildRuleContext, dedupe, problemToFinding, runChecks } from './rules';
import { explainStatus } from './status-codes';
import { savedSettingsProblem } from './trace/saved-settings';
import { applyOutcomes } from './outcome';
import { finishReport } from './verdict';

/** One message after decoding, parsing and signature checks, before the rules. */
interface Staged {
  entry: TraceEntry;
  message: ExtractedMessage;
  parsed?: ParsedSaml;
  decrypted: boolean;
  signatures: SignatureVerdict[];
  /** A trusted certificate is configured for whoever signed this message (RuleContext.trustConfigured). */
  trustConfigured: boolean;
  problems: Problem[];
  /** How many problems were there before the verifier's, so a message can be checked again as another signer. */
  beforeVerify?: number;
  /** Delivered to an IdP, not to the SP (flow/hop.ts): judged without the SP's settings. */
  hop?: Hop;
}

function errorText(e: unknown): string {
  return e instanceof Error && e.message ? e.message : String(e);
}

function internal(message: string): Problem {
  return { rule: 'internal-error', message };
}

/**
 * Decode and parse one extracted message: one staged message per SAML message the XML carries (a SOAP Body
 * or a WS-Trust collection can carry several, and a forged one must not hide behind a genuine one). Every
 * stage's trouble becomes a Problem, nothing escapes.
 */
function parse(entry: TraceEntry, message: ExtractedMessage): Staged[] {
  const staged = (problems: Problem[], parsed?: ParsedSaml): Staged => ({
    entry,
    message,
    parsed,
    decrypted: false,
    signatures: [],
    trustConfigured: false,
    problems: [...message.problems, ...problems],
  });
  if (message.xml === undefined) return [staged([])];
  try {
    return parseSamlMessages(message.xml).map((m) => staged(m.problems, m.parsed));
  } catch (e) {
    return [staged([internal(`Parsing this message failed unexpectedly (${errorText(e)}).`)])];
  }
}

const LOGOUT = new Set(['LogoutRequest', 'LogoutResponse']);

/**
 * A logout message whose sender is unknown may be signed by the SP, and a token on a federation hop by the
 * upstream IdP: neither key is the trusted IdP certificate, so a key mismatch there is not proof of forgery; it
 * is a warning that says why. Only a key mismatch: a refused algorithm (HMAC) or structure is wrong whoever signed.
 */
function softenOtherSigner(problems: Problem[], verdicts: SignatureVerdict[], why: string, severity: 'warning' | 'info'): Problem[] {
  const keyMismatch = (p: Problem) =>
    verdicts.some((v) => v.target === p.location && (v.status === 'untrusted' || (v.form === 'redirect-query' && v.failure === 'signature-value')));
  return problems.map((p) =>
    (p.rule === 'signature-invalid' || p.rule === 'signature-untrusted') && (p.severity ?? 'error') === 'error' && !/digest/i.test(p.message) && keyMismatch(p)
      ? { ...p, severity, message: `${p.message} ${why}` }
      : p,
  );
}

/** What the file says was found before redaction for this message, if anything (read strictly on input). */
function capturedFor(entry: TraceEntry, parameter: string, position: number): SignatureVerdict[] | undefined {
  return entry.capturedSignatures?.filter((c) => c.parameter === parameter)[position]?.verdicts;
}

/**
 * Signature checks with the certificates of whoever sent the message; the SP's for what the SP sends. Every
 * message is checked, redacted or not: a file's redaction mark and captured verdicts are claims (lib/core/captured).
 */
async function verify(staged: Staged, expect: ResolvedExpectations, direction: MessageReport['direction'], position: number): Promise<void> {
  const { entry, message } = staged;
  if (!staged.parsed) return;
  const kind = staged.parsed.view.kind;
  staged.problems.length = staged.beforeVerify ??= staged.problems.length;
  // 'to-idp' is what the flows found the SP sent: an AuthnRequest, or a message whose Issuer is the SP's
  // entity ID (configured, from SP metadata, or an AuthnRequest's Issuer in the trace).
  const fromSp = direction === 'to-idp' || kind === 'AuthnRequest';
  const trusted = fromSp ? expect.spTrusted : expect.trusted;
  const unknownSigner = LOGOUT.has(kind) && direction === 'unknown';
  // A logout message of unknown sender may be the SP's, and a hop's token the upstream IdP's: signed with a key
  // the configured certificates cannot judge.
  staged.trustConfigured = trusted.length > 0 && !unknownSigner && !staged.hop;
  const otherSigner = unknownSigner
    ? "The sender of this logout message is not known; if the SP sent it, it is signed with the SP's key, not the IdP's."
    : staged.hop
      ? `This token went to ${staged.hop.name}, not to the SP: the upstream IdP that signed it need not use the certificate configured for the SP's IdP.`
      : undefined;
  try {
    const time = timeReference(entry, expect.time, expect.skewSeconds);
    const analysis = await verifySignatures(staged.parsed, {
      trusted,
      ...(fromSp ? { signer: 'sp' as const } : {}),
      binding: message.binding,
      redirect: message.redirectSignature,
      spPrivateKeyPem: expect.spPrivateKeyPem,
      ...(time.instant ? { at: time.instant } : {}),
    });
    const redacted = entry.redacted
      ? judgeRedacted({ ...analysis, captured: capturedFor(entry, message.parameter, position), trustConfigured: staged.trustConfigured })
      : undefined;
    const { verdicts, problems } = redacted ?? analysis;
    staged.signatures = verdicts;
    // A hop's token is the upstream IdP's business with the broker it went to: its own key verifying it is all
    // this capture can say (info). A logout message of unknown sender may still be one the SP should not trust.
    staged.problems.push(...(otherSigner ? softenOtherSigner(problems, verdicts, otherSigner, staged.hop && !unknownSigner ? 'info' : 'warning') : problems));
    if (analysis.decrypted) {
      staged.parsed = analysis.decrypted;
      staged.decrypted = true;
    }
  } catch (e) {
    staged.problems.push(internal(`Checking the signatures of this message failed unexpectedly (${errorText(e)}); they are not verified.`));
  }
}

function extract(entry: TraceEntry): ExtractedMessage[] {
  try {
    return extractMessages(entry);
  } catch (e) {
    return [
      {
        entryId: String(entry.id),
        binding: 'Pasted',
        parameter: 'unknown',
        steps: [],
        problems: [internal(`Reading the messages of this request failed unexpectedly (${errorText(e)}).`)],
      },
    ];
  }
}

function baseReport(s: Staged, index: number): MessageReport {
  const view = s.parsed?.view;
  const r: MessageReport = {
    index,
    source: s.entry.source,
    entry: String(s.entry.id),
    kind: view?.kind ?? (s.message.artifact ? 'Artifact' : 'Unknown'),
    binding: s.message.binding,
    parameter: s.message.parameter,
    method: s.entry.method,
    url: s.entry.url,
    flow: '',
    direction: 'unknown',
    attributes: [],
    signatures: s.signatures,
    findings: [],
    steps: s.message.steps,
  };
  if (s.entry.capturedAt) r.capturedAt = s.entry.capturedAt;
  if (s.message.relayState !== undefined) r.relayState = s.message.relayState;
  if (s.message.artifact) r.artifact = { ...s.message.artifact };
  if (s.message.xml !== undefined) r.xml = s.message.xml;
  if (view?.messagePath) r.path = view.messagePath;
  if (view) r.view = view;
  return r;
}

/** Fields a person reads first, taken from the same view the rules judged (identity from the signed assertion). */
function fillFromContext(r: MessageReport, ctx: ReturnType<typeof buildRuleContext>): void {
  const view = ctx.view;
  if (!view) return;
  if (view.id) r.id = view.id;
  if (view.inResponseTo) r.inResponseTo = view.inResponseTo;
  const issuer = view.issuer ?? ctx.identity?.issuer;
  if (issuer) r.issuer = issuer;
  if (view.destination) r.destination = view.destination;
  if (view.status) {
    r.status = { subCodes: view.status.subCodes, explanation: explainStatus(view.status.code, view.status.subCodes, view.status.message) };
    if (view.status.code) r.status.code = view.status.code;
    if (view.status.message) r.status.message = view.status.message;
  }
  const nameId = ctx.identity?.nameId ?? view.logout?.nameId;
  if (nameId) r.nameId = nameId.format ? { value: nameId.value, format: nameId.format } : { value: nameId.value };
  r.attributes = (ctx.identity?.attributes ?? []).map((a) =>
    a.nameFormat ? { name: a.name, nameFormat: a.nameFormat, values: a.values } : { name: a.name, values: a.values },
  );
}

function matchArtifact(r: MessageReport, entityIds: string[]): void {
  if (!r.artifact) return;
  const id = entityForSourceId(entityIds, r.artifact.sourceId);
  if (id !== undefined) r.artifact.matchedEntityId = id;
}

function safeExpectations(options: AnalyzeOptions): ResolvedExpectations {
  try {
    return resolveExpectations(options);
  } catch (e) {
    return {
      ...resolveExpectations({}),
      profile: genericProfile(),
      problems: [internal(`The options could not be applied (${errorText(e)}); judging with the generic profile and no expectations.`)],
    };
  }
}

/**
 * A plain copy of a caller's entry (a getter that throws, or a missing header list, costs only this entry),
 * or undefined when it cannot be read at all.
 */
function plainEntry(raw: TraceEntry): TraceEntry | undefined {
  try {
    if (typeof raw.url !== 'string' || typeof raw.method !== 'string') return undefined;
    // Every field named, in one literal (the type makes a new field of TraceEntry an error here): a spread copy of
    // entries read from different formats gets a hidden class of its own each time, and every read of an entry's
    // fields further on then missed V8's caches.
    const e: { [K in keyof Required<TraceEntry>]: TraceEntry[K] } = {
      id: String(raw.id),
      source: raw.source,
      method: raw.method,
      url: raw.url,
      requestHeaders: Array.isArray(raw.requestHeaders) ? raw.requestHeaders : [],
      formFields: raw.formFields,
      body: raw.body,
      responseStatus: raw.responseStatus,
      responseStatusText: raw.responseStatusText,
      responseHeaders: Array.isArray(raw.responseHeaders) ? raw.responseHeaders : [],
      capturedAt: raw.capturedAt,
      tabId: raw.tabId,
      redirectUrl: raw.redirectUrl,
      incomplete: raw.incomplete,
      masked: raw.masked,
      savedXml: raw.savedXml,
      redacted: raw.redacted,
      capturedSignatures: raw.capturedSignatures,
      responseBody: raw.responseBody,
      resourceType: raw.resourceType,
    };
    return e;
  } catch {
    return undefined;
  }
}

function unreadable(index: number): Staged {
  const entry: TraceEntry = { id: `entry-${index + 1}`, source: 'pasted', method: '', url: '', requestHeaders: [], responseHeaders: [] };
  const message: ExtractedMessage = { entryId: entry.id, binding: 'Pasted', parameter: 'unknown', steps: [], problems: [] };
  return {
    entry,
    message,
    decrypted: false,
    signatures: [],
    trustConfigured: false,
    problems: [internal(`Trace entry ${index + 1} could not be read (it is not a well-formed request record); the other entries are checked.`)],
  };
}

async function run(entries: TraceEntry[], options: AnalyzeOptions, extra: Problem[]): Promise<Report> {
  const expect = safeExpectations(options);
  const staged: Staged[] = [];
  const positions: number[] = [];
  // Every readable entry, SAML or not: the flows' outcomes read the traffic around the messages.
  const readable: TraceEntry[] = [];
  const entryAt: number[] = [];
  for (const [i, raw] of entries.entries()) {
    const entry = plainEntry(raw);
    if (!entry) {
      staged.push(unreadable(i));
      positions.push(0);
      entryAt.push(-1);
      continue;
    }
    readable.push(entry);
    const seen = new Map<string, number>();
    for (const message of extract(entry)) {
      for (const one of parse(entry, message)) {
        const position = seen.get(message.parameter) ?? 0;
        seen.set(message.parameter, position + 1);
        staged.push(one);
        positions.push(position);
        entryAt.push(readable.length - 1);
      }
    }
  }

  const flowMessages: FlowMessage[] = staged.map((s, index) => ({ index, entry: s.entry, message: s.message, view: s.parsed?.view }));
  const known = {
    idpEntityIds: expect.idpEntityId ? [expect.idpEntityId.value] : [],
    spEntityIds: expect.spEntityId ? [expect.spEntityId.value] : [],
  };
  let grouped: ReturnType<typeof groupFlows>;
  try {
    grouped = groupFlows(flowMessages, known);
  } catch (e) {
    // Without flows each message still gets judged on its own.
    grouped = {
      flows: staged.map((_, i) => ({ id: `flow-${i + 1}`, messages: [i], kind: 'other' as const })),
      contexts: staged.map((s, i) => ({
        id: `flow-${i + 1}`,
        kind: 'other' as const,
        direction: 'unknown' as const,
        earlier: { authnRequests: NO_EARLIER, logoutRequests: NO_EARLIER },
        entityIds: [],
      })),
    };
    extra = [...extra, internal(`Grouping messages into flows failed (${errorText(e)}); each message is shown on its own.`)];
  }

  // A hop's token is judged as the IdP it went to receives it, without the SP's settings.
  let hopExpect: ResolvedExpectations | undefined;
  const expectFor = (s: Staged) => (s.hop ? (hopExpect ??= hopExpectations(expect)) : expect);
  traceHops(
    staged.map((s) => ({ url: s.entry.url, view: s.parsed?.view, binding: s.message.binding })),
    expect,
  ).forEach((hop, i) => {
    if (hop) staged[i]!.hop = hop;
  });
  // Directions come from the flows, and say whose certificates check a message's signatures.
  for (const [i, s] of staged.entries()) await verify(s, expectFor(s), grouped.contexts[i]?.direction ?? 'unknown', positions[i] ?? 0);
  // A logout pair can tell who sent what once one side verified with the IdP's certificate; so can an
  // Issuer that a message verified with the IdP's certificate carries.
  // Failing those, a hosted IdP product's entity ID or endpoint names the IdP's side.
  const senders = () => staged.map((s, i) => ({ view: s.parsed?.view, url: s.entry.url, signatures: s.signatures, direction: grouped.contexts[i]?.direction ?? 'unknown' }));
  for (const learn of [logoutSendersFromPairs, logoutSendersFromIssuers, logoutSendersFromProducts]) {
    for (const [i, direction] of learn(senders())) {
      const context = grouped.contexts[i];
      if (!context) continue;
      context.direction = direction;
      // Checked again as the learnt sender's: an unknown sender's key mismatch was softened, and what goes to
      // the IdP is checked with the SP's certificates.
      await verify(staged[i]!, expectFor(staged[i]!), direction, positions[i] ?? 0);
    }
  }
  const reports = staged.map(baseReport);

  staged.forEach((s, i) => {
    const r = reports[i]!;
    const flow = grouped.contexts[i]!;
    r.flow = flow.id;
    r.direction = flow.direction;
    const findings = s.problems.map((p) => problemToFinding(p, expect.profile));
    try {
      const ctx = buildRuleContext({
        entry: s.entry,
        message: s.message,
        parsed: s.parsed,
        view: s.parsed?.view,
        signatures: s.signatures,
        trustConfigured: s.trustConfigured,
        decrypted: s.decrypted,
        profile: expectFor(s).profile,
        expect: expectFor(s),
        flow,
        time: timeReference(s.entry, expect.time, expect.skewSeconds),
        ...(s.hop ? { hop: s.hop } : {}),
      });
      fillFromContext(r, ctx);
      matchArtifact(r, flow.entityIds);
      findings.push(...runChecks(ctx));
    } catch (e) {
      findings.push(problemToFinding(internal(`The checks for this message failed unexpectedly (${errorText(e)}); findings may be missing.`), expect.profile));
    }
    r.findings = dedupe(findings);
    // The parsed document is not needed past its rules (the report keeps the view): released here, a long
    // trace holds one DOM at a time instead of all of them.
    s.parsed = undefined;
  });

  const outcomes = applyOutcomes(
    {
      entries: readable,
      messages: staged.map((s, i) => ({ position: entryAt[i] ?? -1, entry: s.entry, message: s.message, view: reports[i]!.view, report: reports[i]! })),
      flows: grouped.flows,
      configured: { idpEntityId: expect.idpEntityId, idpSsoUrls: (expect.idpMetadata?.ssoServices ?? []).map((e) => e.location) },
    },
    expect.profile,
  );
  const traceFindings = dedupe([...expect.problems, ...extra, ...outcomes.problems].map((p) => problemToFinding(p, expect.profile)));
  // Grouping, counts, worst severities and verdicts: lib/core/verdict.
  return finishReport({
    schemaVersion: 1,
    messages: reports,
    findings: traceFindings,
    flows: outcomes.flows,
    summary: {
      entries: entries.length,
      messages: reports.length,
      flows: outcomes.flows.length,
      errors: 0,
      warnings: 0,
      infos: 0,
      profile: expect.profile.id,
      at: expect.atLabel,
    },
  });
}

function emptyReport(options: AnalyzeOptions, problem: Problem): Report {
  return finishReport({
    schemaVersion: 1,
    messages: [],
    findings: [problemToFinding(problem, genericProfile())],
    flows: [],
    summary: { entries: 0, messages: 0, flows: 0, errors: 1, warnings: 0, infos: 0, profile: options.profile ?? 'generic', at: options.at ?? 'capture' },
  });
}

/**
 * Judges a trace: every message decoded, parsed, its signatures checked and the rules applied, then grouped
 * into flows. Messages stay in capture order; one broken message never hides another. Never throws.
 * `inputProblems` (what readInput said while reading the entries) become trace findings.
 */
export async function analyze(entries: TraceEntry[], options: AnalyzeOptions = {}, inputProblems: Problem[] = []): Promise<Report> {
  try {
    return await run(Array.isArray(entries) ? entries : [], options, inputProblems);
  } catch (e) {
    return emptyReport(options, internal(`The analysis failed unexpectedly (${errorText(e)}).`));
  }
}

/** Reads any supported input (HAR, SAML-tracer, trace, XML, base64, URL, form) and judges it. Never throws. */
export async function analyzeText(
  text: string,
  options: AnalyzeOptions & { name?: string } = {},
): Promise<{ input: InputResult; report: Report }> {
  let input: InputResult;
  try {
    input = readInput(text, options.name ? { name: options.name } : {});
  } catch (e) {
    input = { format: 'unknown', entries: [], problems: [{ rule: 'input-unrecognised', message: `The input could not be read (${errorText(e)}).` }] };
  }
  // A trace's saved settings are its maker's, not the caller's: never applied here, only mentioned.
  const note = input.trace ? savedSettingsProblem(input.trace.settings, false, 'Pass them as options to apply them.') : undefined;
  try {
    return { input, report: await run(input.entries, options, note ? [...input.problems, note] : input.problems) };
  } catch (e) {
    return { input, report: emptyReport(options, internal(`The analysis failed unexpectedly (${errorText(e)}).`)) };
  }
}
