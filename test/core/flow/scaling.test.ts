// Issue 17, class 11 (bounded time): grouping a trace's messages into flows grows linearly with their number.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../lib/core/analyze';
import { groupFlows, type FlowMessage } from '../../../lib/core/flow';
import { logoutSendersFromPairs } from '../../../lib/core/flow/logout-sender';
import type { ExtractedMessage, MessageKind, SamlView, TraceEntry } from '../../../lib/core/model';
import { buildAuthnRequest, buildResponse, encodePostValue } from '../../../lib/samlgen';
import { scaling } from '../../bench/scaling';
import { findingsOf } from '../rules/find';

function message(index: number, kind: MessageKind | 'Artifact', fields: Partial<SamlView> = {}, relayState?: string): FlowMessage {
  const entry: TraceEntry = { id: `e${index}`, source: 'har', method: 'GET', url: `https://host.test/${index}?q=1`, requestHeaders: [], responseHeaders: [] };
  const extracted: ExtractedMessage = { entryId: entry.id, binding: 'HTTP-Redirect', parameter: 'SAMLRequest', steps: [], problems: [] };
  if (relayState !== undefined) extracted.relayState = relayState;
  if (kind === 'Artifact') {
    extracted.artifact = { raw: `art-${index}`, typeCode: 4, endpointIndex: 0, sourceId: '00', messageHandle: '00' };
    return { index, entry, message: extracted };
  }
  const view = { kind, rootNamespace: '', rootName: kind, assertions: [], encryptedAssertions: [], signatures: [], ...fields } as SamlView;
  return { index, entry, message: extracted, view };
}

/**
 * `n` messages of every shape grouping looks up: AuthnRequests and their Responses, Responses answering
 * nothing, logout pairs, and artifacts tied to their request by RelayState.
 */
function trace(n: number): FlowMessage[] {
  const out: FlowMessage[] = [];
  for (let i = 0; out.length < n; i++) {
    const at = () => out.length;
    switch (i % 4) {
      case 0:
        out.push(message(at(), 'AuthnRequest', { id: `_req${i}`, issuer: 'https://sp.test' }, `relay${i}`));
        out.push(message(at(), 'Response', { id: `_resp${i}`, inResponseTo: `_req${i}`, issuer: `https://idp${i}.test` }));
        break;
      case 1:
        out.push(message(at(), 'Response', { id: `_stray${i}`, inResponseTo: `_never${i}` }));
        break;
      case 2:
        out.push(message(at(), 'LogoutRequest', { id: `_lo${i}`, issuer: 'https://sp.test' }));
        out.push(message(at(), 'LogoutResponse', { id: `_lr${i}`, inResponseTo: `_lo${i}`, issuer: 'https://elsewhere.test' }));
        break;
      default:
        out.push(message(at(), 'AuthnRequest', { id: `_areq${i}` }, `art${i}`));
        out.push(message(at(), 'Artifact', {}, `art${i}`));
    }
  }
  return out.slice(0, n);
}

describe('flow grouping in bounded time', () => {
  it('groups 10x the messages in less than 30x the time (it was quadratic: 30,000 messages took over 30 s)', async () => {
    const small = trace(1_000);
    const large = trace(10_000);
    const grown = await scaling((m: FlowMessage[]) => groupFlows(m), small, large);
    expect(grown.ratio, JSON.stringify(grown)).toBeLessThan(30);
    const { flows, contexts } = groupFlows(large);
    expect(contexts).toHaveLength(10_000);
    // Every message lands in one flow; pairs, logout pairs and artifact pairs are 2-message flows.
    expect(flows.reduce((n, f) => n + f.messages.length, 0)).toBe(10_000);
    expect(flows.filter((f) => f.kind === 'artifact').every((f) => f.messages.length === 2)).toBe(true);
    expect(contexts.at(-1)!.earlier.authnRequests.count).toBe(large.slice(0, -1).filter((m) => m.view?.kind === 'AuthnRequest').length);
  });

  it('still tells each message which requests came before it', () => {
    const { contexts } = groupFlows(trace(8));
    // AuthnRequest, Response, stray Response, LogoutRequest, LogoutResponse, AuthnRequest, Artifact, AuthnRequest.
    expect(contexts.map((c) => c.earlier.authnRequests.count)).toEqual([0, 1, 1, 1, 1, 1, 2, 2]);
    expect(contexts.map((c) => c.earlier.logoutRequests.count)).toEqual([0, 0, 0, 0, 1, 1, 1, 1]);
    expect(contexts[7]!.earlier.authnRequests.firstIds(1)).toEqual(['_req0']);
    expect(contexts[7]!.earlier.authnRequests.firstIds(5)).toEqual(['_req0', '_areq3']);
  });

  it('joins an artifact to the oldest open request of its RelayState, even one that learnt it late', () => {
    const messages = [
      message(0, 'AuthnRequest', { id: '_a' }),
      message(1, 'AuthnRequest', { id: '_b' }, 'same'),
      message(2, 'AuthnRequest', { id: '_a' }, 'same'), // the same request captured again, now with its RelayState
      message(3, 'Artifact', {}, 'same'),
      message(4, 'Artifact', {}, 'same'),
      message(5, 'Artifact', {}, 'same'),
    ];
    const { flows } = groupFlows(messages);
    expect(flows.map((f) => [f.kind, f.messages])).toEqual([
      ['artifact', [0, 2, 3]],
      ['artifact', [1, 4]],
      ['artifact', [5]],
    ]);
  });

  it('pairs logout messages by index in linear time', async () => {
    const pairs = (n: number) =>
      Array.from({ length: n }, (_, i) => {
        const kind = i % 2 ? 'LogoutResponse' : 'LogoutRequest';
        const id = `_l${i >> 1}`;
        const view = { kind, id: i % 2 ? `${id}r` : id, inResponseTo: i % 2 ? id : undefined, issuer: i % 2 ? 'https://idp.test' : 'https://sp.test' } as SamlView;
        return { view, signatures: i % 2 ? [{ status: 'valid' } as never] : [], direction: 'unknown' as const };
      });
    const grown = await scaling(logoutSendersFromPairs, pairs(10_000), pairs(100_000));
    expect(grown.ratio, JSON.stringify(grown)).toBeLessThan(30);
    expect(logoutSendersFromPairs(pairs(4))).toEqual(new Map([[0, 'to-idp'], [1, 'to-sp'], [2, 'to-idp'], [3, 'to-sp']]));
  });
});

describe('InResponseTo against many earlier requests', () => {
  it('names the first few requests and counts the rest, without copying them for every message', async () => {
    const at = '2027-03-01T10:00:00Z';
    const entries: TraceEntry[] = Array.from({ length: 5 }, (_, i) => ({
      id: `q${i}`,
      source: 'har',
      method: 'POST',
      url: 'https://idp.example.test/sso',
      requestHeaders: [],
      responseHeaders: [],
      formFields: [['SAMLRequest', encodePostValue(buildAuthnRequest({ id: `_asked${i}`, issueInstant: at }))]],
    }));
    entries.push({
      id: 'r',
      source: 'har',
      method: 'POST',
      url: 'https://sp.example.test/acs',
      requestHeaders: [],
      responseHeaders: [],
      formFields: [['SAMLResponse', encodePostValue(buildResponse({ issueInstant: at, inResponseTo: '_other' }))]],
    });
    const [found] = findingsOf(await analyze(entries), 'in-response-to-mismatch');
    expect(found?.message).toContain('matches none of the 5 AuthnRequests captured before it in this trace (ID "_asked0", "_asked1", "_asked2" and 2 more)');
  });
});
