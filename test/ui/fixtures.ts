import type { Finding, FlowReport, MessageReport, Report, TraceEntry } from '../../lib/core/model';

/** Hand-built reports: the UI is tested against the contract, independent of the rule engine's verdicts. */
export function msg(index: number, over: Partial<MessageReport> = {}): MessageReport {
  return {
    index,
    source: 'webrequest',
    entry: `e${index}`,
    kind: 'Response',
    binding: 'HTTP-POST',
    parameter: 'SAMLResponse',
    method: 'POST',
    url: 'https://sp.example.com/acs',
    capturedAt: '2024-05-01T10:00:00.000Z',
    flow: 'f1',
    direction: 'to-sp',
    attributes: [],
    signatures: [],
    findings: [],
    steps: [],
    ...over,
  };
}

export function finding(rule: string, severity: Finding['severity'], message = `${rule} happened`, location?: string): Finding {
  return { rule, severity, message, location };
}

export function entry(id: string, over: Partial<TraceEntry> = {}): TraceEntry {
  return { id, source: 'webrequest', method: 'GET', url: `https://app.example.com/${id}`, requestHeaders: [], responseHeaders: [], ...over };
}

export function report(messages: MessageReport[], flows: FlowReport[], findings: Finding[] = []): Report {
  return {
    schemaVersion: 1,
    messages,
    findings,
    flows,
    summary: { entries: messages.length, messages: messages.length, flows: flows.length, errors: 0, warnings: 0, infos: 0, profile: 'generic', at: 'capture' },
  };
}

/** An SP-initiated login (request 0, response 1) and an unsolicited response (2), on tabs 7, 7 and 9. */
export function twoFlows(): { report: Report; entries: TraceEntry[] } {
  const messages = [
    msg(0, { kind: 'AuthnRequest', binding: 'HTTP-Redirect', parameter: 'SAMLRequest', method: 'GET', url: 'https://idp.example.org/sso?SAMLRequest=abc', direction: 'to-idp', id: '_req1', flow: 'f1', issuer: 'https://sp.example.com' }),
    msg(1, { id: '_res1', inResponseTo: '_req1', flow: 'f1', issuer: 'https://idp.example.org', nameId: { value: 'alice@example.com' }, findings: [finding('assertion-not-signed', 'warning')] }),
    msg(2, { entry: 'e2', id: '_res2', flow: 'f2', url: 'https://other-sp.example.net/acs', issuer: 'https://sts.windows.net/tenant/', findings: [finding('signature-invalid', 'error'), finding('nameid-format', 'info')] }),
  ];
  const flows: FlowReport[] = [
    { id: 'f1', messages: [0, 1], kind: 'sp-initiated', worst: 'warning' },
    { id: 'f2', messages: [2], kind: 'idp-initiated', worst: 'error' },
  ];
  const entries = [
    entry('x0', { tabId: 7, url: 'https://app.example.com/start' }),
    entry('e0', { tabId: 7, url: messages[0]!.url }),
    entry('x1', { tabId: 7, url: 'https://idp.example.org/login.css' }),
    entry('e1', { tabId: 7, method: 'POST', url: messages[1]!.url }),
    entry('e2', { tabId: 9, method: 'POST', url: messages[2]!.url }),
  ];
  return { report: report(messages, flows), entries };
}
