// Per flow: which IdP product it talked to, how it ended, and the refusal findings that explain an end
// without a sign-in. Reads the non-SAML exchanges around the flow's messages without judging them as messages.
import type { ExtractedMessage, FlowReport, MessageReport, Problem, SamlView, TraceEntry } from '../model';
import { IDP_NAMES, type FlowOutcome, type IdpRecognition } from '../idp/product';
import { clueFromEndpoint, clueFromEntityId, clueFromHost, decide, WEIGHT, type Clue } from '../idp/recognise';
import { sentToUrl } from '../flow/url';
import { follow, pagesSentAway } from './follow';
import { entryIsPageLike, header, hostOf } from '../http/navigation';
import { judgeIdpAnswer } from './idp-answer';
import { isHandOff, judgeSpAnswer } from './sp-answer';

export interface OutcomeMessage {
  /** Index of the message's entry in OutcomeInput.entries. */
  position: number;
  entry: TraceEntry;
  message: ExtractedMessage;
  view?: SamlView;
  report: MessageReport;
}

export interface OutcomeInput {
  /** Every readable entry of the trace, in capture order: SAML ones and the traffic around them. */
  entries: TraceEntry[];
  /** Index-aligned with Report.messages. */
  messages: OutcomeMessage[];
  flows: FlowReport[];
  /** What the user configured about the IdP (entity ID, metadata endpoints). */
  configured: { idpEntityId?: { value: string; source: string }; idpSsoUrls: string[] };
}

export interface OutcomeResult {
  messages: Array<{ idp: IdpRecognition; problems: Problem[] }>;
  flows: Array<{ idp: IdpRecognition; outcome: FlowOutcome }>;
}

const SUCCESS = 'urn:oasis:names:tc:SAML:2.0:status:Success';
const SIGN_IN = new Set<FlowReport['kind']>(['sp-initiated', 'idp-initiated', 'artifact']);
const FROM_IDP = new Set(['Response', 'ArtifactResponse', 'Assertion']);

/** What one message says about the IdP: names it sends itself, or the endpoint it was sent to. */
function messageClues(m: OutcomeMessage): Clue[] {
  const r = m.report;
  const clues: Array<Clue | undefined> = [];
  const fromIdp = FROM_IDP.has(r.kind) || r.direction === 'to-sp';
  const toIdp = r.kind === 'AuthnRequest' || r.direction === 'to-idp';
  const logout = r.kind === 'LogoutRequest' || r.kind === 'LogoutResponse';
  if (fromIdp || (logout && r.direction === 'unknown')) {
    clues.push(clueFromEntityId(r.issuer, 'Issuer'));
    for (const a of m.view?.assertions ?? []) if (a.expectedPlace) clues.push(clueFromEntityId(a.issuer, 'Assertion Issuer'));
  }
  if (toIdp || (logout && r.direction === 'unknown')) {
    const label = logout ? 'SLO URL' : 'SSO URL';
    if (m.message.binding !== 'Pasted') clues.push(clueFromEndpoint(sentToUrl(m.entry.url), label));
    clues.push(clueFromEndpoint(r.destination, 'Destination'));
  }
  if (r.artifact?.matchedEntityId) clues.push(clueFromEntityId(r.artifact.matchedEntityId, 'artifact SourceID of'));
  return clues.filter((c): c is Clue => !!c);
}

function configuredClues(configured: OutcomeInput['configured']): Clue[] {
  const out: Clue[] = [];
  const id = configured.idpEntityId ? clueFromEntityId(configured.idpEntityId.value, configured.idpEntityId.source) : undefined;
  // What the user configured says which IdP they expect; what the capture shows weighs more.
  if (id) out.push({ ...id, weight: WEIGHT.endpoint });
  for (const url of configured.idpSsoUrls) {
    const c = clueFromEndpoint(url, 'IdP metadata SSO URL');
    if (c) out.push({ ...c, weight: WEIGHT.host });
  }
  return out;
}

function isErrorStatus(r: MessageReport): boolean {
  const code = r.status?.code?.trim();
  return r.kind === 'Response' && !!code && code !== SUCCESS;
}

/**
 * Whether the AuthnRequest at `position`, which the SP's redirects after Response `answer` led to, comes from
 * the SP that Response was for: another SP starting its own sign-in (a deep link into a second application) is
 * not this SP failing to keep its session. Its Issuer is compared with the flow's own AuthnRequests, or with the
 * Response's audiences; with neither to compare, it counts as the same SP.
 */
function sameSp(messages: OutcomeMessage[], answer: number, requests: number[], position: number): boolean {
  const issuer = messages.find((m) => m.position === position)?.report.issuer?.trim();
  if (!issuer) return true;
  const own = requests.map((i) => messages[i]!.report.issuer?.trim()).filter((x): x is string => !!x);
  const audiences = (messages[answer]!.view?.assertions ?? []).flatMap((a) => a.conditions?.audiences ?? []);
  const known = own.length ? own : audiences;
  return known.length === 0 || known.includes(issuer);
}

/**
 * Whether the AuthnRequest at `position` asks for more than the Response gave: RequestedAuthnContext classes
 * (saml-core §3.3.2.2.1) none of which is the class the assertion carries. An SP that steps a signed-in user up
 * for a protected page (MFA for /admin) sends one; that is not an SP that failed to keep the session. When the
 * assertion names no class, what counts is a class the flow's own AuthnRequest did not ask for; with neither,
 * a new request is the SP starting over.
 */
function stepUp(messages: OutcomeMessage[], requests: number[], answer: number, position: number): boolean {
  const next = messages.find((m) => m.position === position)?.view?.request;
  if (!next?.requestedAuthnContext.length) return false;
  const given = (messages[answer]!.view?.assertions ?? []).map((a) => a.authn?.authnContextClassRef).filter((c) => c !== undefined);
  if (given.length) return !next.requestedAuthnContext.some((c) => given.includes(c));
  const asked = requests.map((i) => messages[i]!.view?.request).filter((r) => r !== undefined);
  const before = new Set(asked.flatMap((r) => r.requestedAuthnContext));
  return asked.length > 0 && next.requestedAuthnContext.some((c) => !before.has(c));
}

/** How far back from a posted Response its auto-post page, and the IdP's pages before that, are looked for. */
const MAX_FORM_LOOKBACK = 50;

/**
 * Where a posted Response came from, for a flow with no AuthnRequest to name the IdP's endpoint (IdP-initiated):
 * the Origin and Referer the browser sent with the POST, the page whose auto-post form carried this Response, and
 * the IdP-initiated start before it on that page's host (PingFederate's /idp/startSSO.ping). An IdP that names
 * itself with a custom entity ID is still recognised by the same endpoints and hosts as in an SP-initiated flow.
 */
function postedFromClues(entries: TraceEntry[], m: OutcomeMessage): Clue[] {
  const post = m.entry;
  const clues: Array<Clue | undefined> = [clueFromHost(header(post.requestHeaders, 'origin'), 'Origin of the POST'), clueFromEndpoint(header(post.requestHeaders, 'referer'), 'Referer of the POST')];
  const value = post.formFields?.find(([n]) => n === 'SAMLResponse')?.[1] ?? '';
  // A stretch from the middle of the message (its IDs and signature) tells this Response's page from another
  // Response's: every base64 Response starts alike. Letters and digits only, so HTML escaping cannot hide it.
  const probe = /[A-Za-z0-9]{32}/.exec(value.slice(Math.floor(value.length / 2)))?.[0];
  const sameTab = (e: TraceEntry) => post.tabId === undefined || e.tabId === undefined || e.tabId === post.tabId;
  const floor = Math.max(0, m.position - MAX_FORM_LOOKBACK);
  let form = -1;
  for (let pos = m.position - 1; probe && pos >= floor && form < 0; pos--) {
    const e = entries[pos]!;
    if (sameTab(e) && e.responseBody?.text.includes(probe)) form = pos;
  }
  if (form < 0) return clues.filter((c): c is Clue => !!c);
  const page = entries[form]!;
  const host = hostOf(page.url);
  clues.push(clueFromEndpoint(page.url, 'auto-post page'));
  // Before it, on its host: the start of this sign-in, even across the messages of a brokered one (PingFederate
  // asking Okta first, then answering the SP). Any page of that host names the same server, so its product's
  // endpoint is evidence whichever sign-in it began. Only a product's endpoint counts there; the host is already
  // the form page's evidence.
  for (let pos = form - 1; pos >= floor; pos--) {
    const e = entries[pos]!;
    if (!sameTab(e) || hostOf(e.url) !== host || !entryIsPageLike(e)) continue;
    const c = clueFromEndpoint(e.url, 'IdP page');
    if (c?.weight === WEIGHT.endpoint) clues.push(c);
  }
  return clues.filter((c): c is Clue => !!c);
}

/** Judges every flow; the caller merges the result into the report. */
export function judgeFlows(input: OutcomeInput): OutcomeResult {
  const { entries, messages, flows } = input;
  const messagePositions = new Set(messages.map((m) => m.position));
  const isMessage = (p: number) => messagePositions.has(p);
  const kindAt = new Map(messages.map((m) => [m.position, m.report.kind]));
  const ownClues = messages.map(messageClues);
  const configured = configuredClues(input.configured);
  const result: OutcomeResult = {
    messages: messages.map(() => ({ idp: { product: 'unknown', evidence: [] }, problems: [] })),
    flows: [],
  };

  for (const flow of flows) {
    const members = flow.messages.filter((i) => messages[i] !== undefined);
    const clues: Clue[] = [...members.flatMap((i) => ownClues[i] ?? []), ...configured];
    if (!members.some((i) => messages[i]!.report.kind === 'AuthnRequest')) {
      for (const i of members) if (messages[i]!.report.kind === 'Response') clues.push(...postedFromClues(entries, messages[i]!));
    }
    const named = decide(clues);
    const idpName = named.product === 'unknown' ? 'The IdP' : IDP_NAMES[named.product];
    let outcome: FlowOutcome = 'unknown';

    if (SIGN_IN.has(flow.kind)) {
      const answers = members.filter((i) => messages[i]!.report.kind === 'Response' || messages[i]!.report.kind === 'Artifact');
      const requests = members.filter((i) => messages[i]!.report.kind === 'AuthnRequest');
      if (answers.some((i) => isErrorStatus(messages[i]!.report))) {
        // The IdP said no in SAML itself; status-error explains it.
        outcome = 'refused-by-idp';
      } else if (answers.length) {
        const i = answers[answers.length - 1]!;
        const m = messages[i]!;
        // A sign-in page handed a one-time credential goes on by its own script: the tab's next page from it is the SP's answer.
        const followed = follow(entries, isMessage, m.position, false, isHandOff);
        const to = followed.loopedTo;
        const looped = to !== undefined && kindAt.get(to) === 'AuthnRequest' && sameSp(messages, i, requests, to) && !stepUp(messages, requests, i, to);
        const location = m.view ? (m.view.messagePath ?? `/${m.view.rootName}`) : undefined;
        const start = Math.min(...members.map((k) => messages[k]!.position));
        const sp = judgeSpAnswer(m.entry, followed, m.report.findings, location, looped, pagesSentAway(entries, start));
        if (sp.refusal) result.messages[i]!.problems.push(sp.refusal);
        outcome = sp.refused ? 'refused-by-sp' : sp.refused === false ? 'signed-in' : 'unknown';
      } else if (requests.length) {
        let answered = false;
        for (const i of requests) {
          const m = messages[i]!;
          const followed = follow(entries, isMessage, m.position, true);
          for (const s of followed.steps) {
            const c = clueFromHost(s.entry.url, 'IdP page');
            if (c) clues.push(c);
          }
          const answer = judgeIdpAnswer(m.entry, m.message, m.view, followed.steps, idpName);
          answered ||= answer.answered;
          if (answer.hit) clues.push({ product: answer.hit.product, evidence: `error page ${answer.hit.code.code}`, weight: WEIGHT.endpoint });
          if (answer.refusal?.severity === 'info') {
            // Not a refusal seen, only a page not read: the flow stays abandoned, the note says why it cannot tell.
            if (i === requests[requests.length - 1]) result.messages[i]!.problems.push(answer.refusal);
          } else if (answer.refusal) {
            result.messages[i]!.problems.push(answer.refusal);
            outcome = 'refused-by-idp';
            break;
          }
        }
        if (outcome === 'unknown' && answered) outcome = 'abandoned';
      }
    }

    const idp = decide(clues);
    result.flows.push({ idp, outcome });
    for (const i of members) {
      const own = decide(ownClues[i] ?? []);
      result.messages[i]!.idp = own.product !== 'unknown' ? own : idp;
    }
  }
  return result;
}
