import type { FlowReport, MessageReport, SamlView } from '../model';
import type { FlowContext, FlowMessage } from './context';
import { sentToUrl } from './url';

interface Known {
  idpEntityIds: string[];
  spEntityIds: string[];
}

interface Building {
  report: FlowReport;
  answered: boolean;
  /** RelayState of the flow's first message: what ties a back-channel artifact to its request. */
  relayState?: string;
}

const REQUESTS = new Set(['AuthnRequest', 'LogoutRequest', 'ArtifactResolve']);
const ANSWERS = new Set(['Response', 'LogoutResponse', 'ArtifactResponse']);

function kindOf(m: FlowMessage): string {
  return m.view?.kind ?? (m.message.artifact ? 'Artifact' : 'Unknown');
}

/** InResponseTo of the envelope, or of the signed assertion's confirmation when the envelope has none. */
export function answeredId(view: SamlView | undefined): string | undefined {
  if (!view) return undefined;
  if (view.inResponseTo) return view.inResponseTo;
  for (const a of view.assertions) for (const c of a.confirmations) if (c.inResponseTo) return c.inResponseTo;
  return undefined;
}

function issuersOf(view: SamlView | undefined): string[] {
  if (!view) return [];
  return [view.issuer, ...view.assertions.map((a) => a.issuer)].filter((s): s is string => !!s);
}

function newFlowKind(kind: string, m: FlowMessage): FlowReport['kind'] {
  switch (kind) {
    case 'AuthnRequest':
      return 'sp-initiated';
    case 'Response':
      return answeredId(m.view) ? 'sp-initiated' : 'idp-initiated';
    case 'LogoutRequest':
    case 'LogoutResponse':
      return 'logout';
    case 'Artifact':
    case 'ArtifactResolve':
    case 'ArtifactResponse':
      return 'artifact';
    default:
      return 'other';
  }
}

function directionOf(kind: string, m: FlowMessage, known: Known, request?: MessageReport['direction']): MessageReport['direction'] {
  if (kind === 'AuthnRequest') return 'to-idp';
  if (kind === 'Response') return 'to-sp';
  if (kind === 'LogoutRequest' || kind === 'LogoutResponse') {
    const issuer = m.view?.issuer;
    if (issuer && known.idpEntityIds.includes(issuer)) return 'to-sp';
    if (issuer && known.spEntityIds.includes(issuer)) return 'to-idp';
    if (kind === 'LogoutResponse' && request && request !== 'unknown') return request === 'to-idp' ? 'to-sp' : 'to-idp';
  }
  return 'unknown';
}

/**
 * Groups the messages of one trace into exchanges: a request and what answers it (by ID and InResponseTo),
 * an unsolicited Response alone as an IdP-initiated flow, an artifact with the ArtifactResolve that carries it.
 * Messages stay in capture order; every message lands in exactly one flow.
 */
export function groupFlows(
  messages: FlowMessage[],
  configured: Known = { idpEntityIds: [], spEntityIds: [] },
): { flows: FlowReport[]; contexts: FlowContext[] } {
  const known: Known = { idpEntityIds: [...configured.idpEntityIds], spEntityIds: [...configured.spEntityIds] };
  for (const m of messages) {
    const kind = kindOf(m);
    if (kind === 'Response') known.idpEntityIds.push(...issuersOf(m.view));
    if (kind === 'AuthnRequest' && m.view?.issuer) known.spEntityIds.push(m.view.issuer);
  }
  const entityIds = [...new Set([...known.idpEntityIds, ...known.spEntityIds, ...messages.flatMap((m) => issuersOf(m.view))])];

  const flows: Building[] = [];
  const byRequestId = new Map<string, Building>();
  const byMessageId = new Map<string, Building>();
  const byArtifact = new Map<string, Building>();
  const requestOf = new Map<string, FlowMessage>();
  const contexts: FlowContext[] = [];
  const firstById = new Map<string, number>();
  const directions: MessageReport['direction'][] = [];

  const open = (kind: FlowReport['kind']): Building => {
    const b: Building = { report: { id: `flow-${flows.length + 1}`, messages: [], kind }, answered: false };
    flows.push(b);
    return b;
  };

  messages.forEach((m, position) => {
    const kind = kindOf(m);
    const id = m.view?.id;
    let flow: Building | undefined = id ? byMessageId.get(id) : undefined; // the same message captured twice
    let request: FlowMessage | undefined;

    if (!flow && REQUESTS.has(kind)) {
      const artifact = m.view?.artifact;
      if (kind === 'ArtifactResolve' && artifact) flow = byArtifact.get(artifact);
    } else if (!flow && ANSWERS.has(kind)) {
      const irt = answeredId(m.view);
      if (irt) {
        flow = byRequestId.get(irt);
        request = requestOf.get(irt);
      }
    } else if (!flow && kind === 'Artifact') {
      // The artifact's message travels over the back channel; the RelayState is what ties it to the request.
      const relay = m.message.relayState;
      if (relay) flow = flows.find((f) => !f.answered && f.report.kind === 'sp-initiated' && f.relayState === relay);
      if (flow) flow.report.kind = 'artifact';
    }
    if (!flow) flow = open(newFlowKind(kind, m));
    if (ANSWERS.has(kind) || kind === 'Artifact') flow.answered = true;
    if (id && !byMessageId.has(id)) byMessageId.set(id, flow);
    if (id && REQUESTS.has(kind) && !byRequestId.has(id)) {
      byRequestId.set(id, flow);
      requestOf.set(id, m);
    }
    if (kind === 'Artifact' && m.message.artifact) byArtifact.set(m.message.artifact.raw, flow);
    if (kind === 'ArtifactResolve' || kind === 'ArtifactResponse') flow.report.kind = 'artifact';
    flow.report.messages.push(m.index);
    flow.relayState ??= m.message.relayState;

    const before = messages.slice(0, position);
    const repeatOf = id ? firstById.get(`${kind} ${id}`) : undefined;
    if (id && repeatOf === undefined) firstById.set(`${kind} ${id}`, m.index);
    const requestDirection = request ? directions[messages.indexOf(request)] : undefined;
    const direction = directionOf(kind, m, known, requestDirection);
    directions.push(direction);
    contexts.push({
      id: flow.report.id,
      kind: flow.report.kind,
      direction,
      request,
      earlier: {
        authnRequests: before.filter((b) => kindOf(b) === 'AuthnRequest'),
        logoutRequests: before.filter((b) => kindOf(b) === 'LogoutRequest'),
      },
      entityIds,
      sentTo: m.message.binding === 'Pasted' ? undefined : sentToUrl(m.entry.url),
      sentUrl: m.message.binding === 'Pasted' || !sentToUrl(m.entry.url) ? undefined : m.entry.url,
      ...(repeatOf !== undefined ? { repeatOf } : {}),
    });
  });

  // A flow's kind can change after a later message joins it (an artifact after its request).
  const byId = new Map(flows.map((f) => [f.report.id, f.report.kind]));
  for (const c of contexts) c.kind = byId.get(c.id) ?? c.kind;
  return { flows: flows.map((f) => f.report), contexts };
}
