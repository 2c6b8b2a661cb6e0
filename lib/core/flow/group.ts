import type { FlowReport, MessageReport, SamlView } from '../model';
import type { Earlier, FlowContext, FlowMessage } from './context';
import { FirstOpen } from './first-open';
import { sentToUrl } from './url';

interface Known {
  idpEntityIds: string[];
  spEntityIds: string[];
}

interface Building {
  report: FlowReport;
  /** Position in creation order. */
  order: number;
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

interface KnownSets {
  idp: Set<string>;
  sp: Set<string>;
}

function directionOf(kind: string, m: FlowMessage, known: KnownSets, request?: MessageReport['direction']): MessageReport['direction'] {
  if (kind === 'AuthnRequest') return 'to-idp';
  if (kind === 'Response') return 'to-sp';
  if (kind === 'LogoutRequest' || kind === 'LogoutResponse') {
    const issuer = m.view?.issuer;
    if (issuer && known.idp.has(issuer)) return 'to-sp';
    if (issuer && known.sp.has(issuer)) return 'to-idp';
    if (kind === 'LogoutResponse' && request && request !== 'unknown') return request === 'to-idp' ? 'to-sp' : 'to-idp';
  }
  return 'unknown';
}

/** The requests of one kind seen so far; `snapshot` is what a message captured now sees as earlier, in O(1). */
class Seen {
  private count = 0;
  private readonly ids: string[] = [];

  add(m: FlowMessage): void {
    this.count++;
    if (m.view?.id) this.ids.push(m.view.id);
  }

  snapshot(): Earlier {
    return new Prefix(this.ids, this.count, this.ids.length);
  }
}

/** The first `idCount` entries of a list that keeps growing after this was taken. */
class Prefix implements Earlier {
  constructor(
    private readonly ids: readonly string[],
    readonly count: number,
    readonly idCount: number,
  ) {}

  firstIds(max: number): string[] {
    return this.ids.slice(0, Math.min(max, this.idCount));
  }
}

/** A flow an artifact with the same RelayState can still join. */
function awaitingArtifact(f: Building): boolean {
  return !f.answered && f.report.kind === 'sp-initiated';
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
  const known: KnownSets = { idp: new Set(configured.idpEntityIds), sp: new Set(configured.spEntityIds) };
  for (const m of messages) {
    const kind = kindOf(m);
    if (kind === 'Response') for (const issuer of issuersOf(m.view)) known.idp.add(issuer);
    if (kind === 'AuthnRequest' && m.view?.issuer) known.sp.add(m.view.issuer);
  }
  const entityIds = [...new Set([...known.idp, ...known.sp, ...messages.flatMap((m) => issuersOf(m.view))])];

  const flows: Building[] = [];
  const byRequestId = new Map<string, Building>();
  const byMessageId = new Map<string, Building>();
  const byArtifact = new Map<string, Building>();
  const requestOf = new Map<string, { message: FlowMessage; position: number }>();
  // Unanswered SP-initiated flows by RelayState: an artifact joins the oldest one of its RelayState.
  const byRelay = new FirstOpen<Building>((f) => f.order, awaitingArtifact);
  const contexts: FlowContext[] = [];
  const firstById = new Map<string, number>();
  const directions: MessageReport['direction'][] = [];
  const authnRequests = new Seen();
  const logoutRequests = new Seen();
  let earlier: FlowContext['earlier'] = { authnRequests: authnRequests.snapshot(), logoutRequests: logoutRequests.snapshot() };

  const open = (kind: FlowReport['kind']): Building => {
    const b: Building = { report: { id: `flow-${flows.length + 1}`, messages: [], kind }, order: flows.length, answered: false };
    flows.push(b);
    return b;
  };

  messages.forEach((m, position) => {
    const kind = kindOf(m);
    const id = m.view?.id;
    let flow: Building | undefined = id ? byMessageId.get(id) : undefined; // the same message captured twice
    let request: { message: FlowMessage; position: number } | undefined;

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
      if (relay) flow = byRelay.first(relay);
      if (flow) flow.report.kind = 'artifact';
    }
    if (!flow) flow = open(newFlowKind(kind, m));
    if (ANSWERS.has(kind) || kind === 'Artifact') flow.answered = true;
    if (id && !byMessageId.has(id)) byMessageId.set(id, flow);
    if (id && REQUESTS.has(kind) && !byRequestId.has(id)) {
      byRequestId.set(id, flow);
      requestOf.set(id, { message: m, position });
    }
    if (kind === 'Artifact' && m.message.artifact) byArtifact.set(m.message.artifact.raw, flow);
    if (kind === 'ArtifactResolve' || kind === 'ArtifactResponse') flow.report.kind = 'artifact';
    flow.report.messages.push(m.index);
    if (flow.relayState === undefined && m.message.relayState !== undefined) {
      flow.relayState = m.message.relayState;
      byRelay.add(flow.relayState, flow);
    }

    const repeatOf = id ? firstById.get(`${kind} ${id}`) : undefined;
    if (id && repeatOf === undefined) firstById.set(`${kind} ${id}`, m.index);
    const requestDirection = request ? directions[request.position] : undefined;
    const direction = directionOf(kind, m, known, requestDirection);
    directions.push(direction);
    const sentTo = m.message.binding === 'Pasted' ? undefined : sentToUrl(m.entry.url);
    const context: FlowContext = {
      id: flow.report.id,
      kind: flow.report.kind,
      direction,
      request: request?.message,
      earlier,
      entityIds,
      sentTo,
      sentUrl: sentTo === undefined ? undefined : m.entry.url,
    };
    if (repeatOf !== undefined) context.repeatOf = repeatOf;
    contexts.push(context);
    if (kind === 'AuthnRequest' || kind === 'LogoutRequest') {
      (kind === 'AuthnRequest' ? authnRequests : logoutRequests).add(m);
      // Messages up to the next request share one record of what came before them.
      earlier = { authnRequests: authnRequests.snapshot(), logoutRequests: logoutRequests.snapshot() };
    }
  });

  // A flow's kind can change after a later message joins it (an artifact after its request).
  const byId = new Map(flows.map((f) => [f.report.id, f.report.kind]));
  for (const c of contexts) c.kind = byId.get(c.id) ?? c.kind;
  return { flows: flows.map((f) => f.report), contexts };
}
