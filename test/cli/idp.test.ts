// Issue 8 on whole captures (test/fixtures/flows): the IdP product of every flow and message, how each flow
// ended, and the refusal explained with the fix for that IdP, in --json and in the text a person reads.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../lib/cli/main';
import { IDP_PRODUCTS } from '../../lib/core/idp/product';
import { DIR, SCENARIOS } from '../fixtures/flows/scenarios';
import { productScenarios } from '../fixtures/flows/products';

const root = join(import.meta.dirname, '..', '..');

interface Finding {
  rule: string;
  severity: string;
  message: string;
  fix?: { general: string; idp?: { product: string; text: string } };
}
interface Idp {
  product: string;
  evidence: string[];
}
interface Report {
  messages: Array<{ kind: string; idp: Idp; findings: Finding[] }>;
  flows: Array<{ kind: string; idp: Idp; outcome: string; messages: number[]; verdict: { text: string; fix?: string; fixFor?: string } }>;
}

async function check(file: string, extra: string[] = [], json = true): Promise<{ code: number; out: string; doc?: Report }> {
  const s = SCENARIOS.find((x) => x.file === file)!;
  let out = '';
  const argv = ['check', join(root, DIR, file), ...s.args.map((a) => (a.startsWith(`${DIR}/`) ? join(root, a) : a)), ...extra, ...(json ? ['--json'] : ['--no-color'])];
  const code = await main(argv, (t) => {
    out += t;
  });
  return { code, out, doc: json ? (JSON.parse(out) as Report) : undefined };
}

const refusal = (doc: Report, rule: string) => doc.messages.flatMap((m) => m.findings.map((f) => ({ kind: m.kind, ...f }))).filter((f) => f.rule === rule);

describe('every flow and every message carries idp {product, evidence}, every flow an outcome', () => {
  it.each(SCENARIOS.map((s) => s.file))('%s', async (file) => {
    const { doc } = await check(file);
    for (const f of doc!.flows) {
      expect([...IDP_PRODUCTS, 'unknown']).toContain(f.idp.product);
      expect(Array.isArray(f.idp.evidence)).toBe(true);
      expect(['signed-in', 'refused-by-idp', 'refused-by-sp', 'abandoned', 'unknown']).toContain(f.outcome);
      // unknown has no evidence; a recognised product always says why.
      expect(f.idp.product === 'unknown').toBe(f.idp.evidence.length === 0);
    }
    for (const m of doc!.messages) expect([...IDP_PRODUCTS, 'unknown']).toContain(m.idp.product);
  });
});

describe('one sign-in per IdP product', () => {
  const existing: Array<[string, string]> = [
    ['entra-sp-initiated.har', 'entra-id'],
    ['okta-sp-initiated.har', 'okta'],
    ['adfs-idp-initiated.har', 'adfs'],
    ['artifact.har', 'shibboleth'],
  ];
  const all = [...existing, ...productScenarios('').map((p): [string, string] => [p.file, p.product])];

  it('covers every product of the JSON contract', () => {
    expect(all.map(([, p]) => p).sort()).toEqual([...IDP_PRODUCTS].sort());
  });

  it.each(all)('%s is %s on the flow and on every message, and signed in', async (file, product) => {
    const { doc, code } = await check(file);
    expect(doc!.flows.map((f) => f.idp.product)).toEqual([product]);
    expect(doc!.flows[0]!.idp.evidence.length).toBeGreaterThan(0);
    expect(new Set(doc!.messages.map((m) => m.idp.product))).toEqual(new Set([product]));
    expect(doc!.flows[0]!.outcome).toBe('signed-in');
    expect(code).toBe(0);
  });
});

describe('refused by the IdP: its error page explained on the AuthnRequest, with the fix for that IdP', () => {
  const cases: Array<{ file: string; product: string; says: RegExp[] }> = [
    {
      file: 'entra-aadsts700016.har',
      product: 'entra-id',
      says: [/AADSTS700016/, /The SP's entity ID "https:\/\/sp\.example\.test\/saml\/metadata" \(the Issuer of this AuthnRequest\) is not the Identifier \(Entity ID\) of any enterprise application/, /Basic SAML Configuration > Edit > Identifier \(Entity ID\): add "https:\/\/sp\.example\.test\/saml\/metadata"/],
    },
    { file: 'entra-aadsts50011.har', product: 'entra-id', says: [/AADSTS50011/, /AssertionConsumerServiceURL "https:\/\/sp\.example\.test\/saml\/acs"/, /Reply URL \(Assertion Consumer Service URL\)/] },
    { file: 'entra-aadsts75011.har', product: 'entra-id', says: [/AADSTS75011/, /"urn:oasis:names:tc:SAML:2\.0:ac:classes:PasswordProtectedTransport" \(RequestedAuthnContext\)/, /ForceAuthn="true"/] },
    { file: 'entra-aadsts50105.har', product: 'entra-id', says: [/AADSTS50105/, /Users and groups/] },
    { file: 'okta-app-not-assigned.har', product: 'okta', says: [/403 App Not Assigned/, /Assignments/] },
    { file: 'okta-invalid-saml-request.har', product: 'okta', says: [/400_SAML/, /Signed Requests/] },
    { file: 'adfs-error-page.har', product: 'adfs', says: [/Activity ID 00000000-0000-0000-6a00-0080000000f1/, /NameID in the requested format "urn:oasis:names:tc:SAML:1\.1:nameid-format:emailAddress"/, /AD FS > Admin/] },
    { file: 'google-app-not-configured.har', product: 'google', says: [/app_not_configured_for_user/, /Service provider details > Entity ID/] },
    { file: 'keycloak-invalid-redirect.har', product: 'keycloak', says: [/Invalid redirect uri/, /Valid redirect URIs/] },
  ];
  for (const c of cases) {
    it(c.file, async () => {
      const { doc, code } = await check(c.file);
      expect(doc!.flows.map((f) => [f.outcome, f.idp.product])).toEqual([['refused-by-idp', c.product]]);
      const found = refusal(doc!, 'idp-refused');
      expect(found.map((f) => [f.kind, f.severity])).toEqual([['AuthnRequest', 'error']]);
      for (const re of c.says) expect(found[0]!.message).toMatch(re);
      // The verdict gives that error code's steps on that IdP, not the rule's advice to read the finding.
      const verdict = doc!.flows[0]!.verdict;
      expect(verdict.fixFor).toBe(c.product);
      expect(found[0]!.message).toContain(`Fix: ${verdict.fix}`);
      expect(verdict.text).not.toContain('Read the finding');
      expect(found[0]!.fix?.idp).toEqual({ product: c.product, text: verdict.fix });
      expect(code).toBe(1);
      // The ticket report's finding gives the same steps as the verdict, not the rule's advice to read the finding.
      const md = (await check(c.file, ['--format', 'markdown', '--redact', 'none'], false)).out.replace(/\\(.)/g, '$1');
      const block = md.slice(md.indexOf('`idp-refused`'));
      expect(block).toMatch(/Fix \([^)]+\):\n/);
      expect(block.slice(0, block.indexOf('Spec:'))).toContain(verdict.fix!.split('\n')[0]!.slice(0, 120));
    });
  }

  it('the text output names the IdP and the outcome in the flow header, then the cause and the fix', async () => {
    const { out, code } = await check('entra-aadsts700016.har', [], false);
    expect(out).toContain('Flow 1 · sp-initiated · Microsoft Entra ID · refused by the IdP');
    expect(out).toContain('IdP recognised from: SSO URL https://login.microsoftonline.com/');
    // Text wraps at 80 columns when not a terminal: read joined.
    const flat = out.replace(/\s+/g, ' ');
    expect(flat).toMatch(/error\s+idp-refused\s+Microsoft Entra ID refused this AuthnRequest with AADSTS700016/);
    expect(flat).toContain('is not the Identifier (Entity ID) of any enterprise application in this Entra ID tenant');
    expect(code).toBe(1);
  });
});

describe('ticket reports', () => {
  it('the Markdown report names the IdP and the outcome in the flow heading', async () => {
    const { out } = await check('entra-aadsts700016.har', ['--format', 'markdown'], false);
    expect(out).toContain('## Flow flow-1 (sp-initiated, Microsoft Entra ID, refused by the IdP, worst: error)');
  });
});

describe('refused by the SP', () => {
  it('the ACS answering 500: the finding is on the Response, names the signature finding first and quotes the SP', async () => {
    const { doc, code } = await check('sp-refused-500.har');
    expect(doc!.flows.map((f) => [f.outcome, f.idp.product])).toEqual([['refused-by-sp', 'okta']]);
    const [f] = refusal(doc!, 'sp-refused');
    expect(f!.kind).toBe('Response');
    expect(f!.message).toMatch(/answered HTTP 500\. Most likely because of signature-untrusted/);
    expect(f!.message).toContain('The SP said: "SAML sign-in failed');
    expect(code).toBe(1);
  });

  it('a 302 to the SP sign-in page with ?error after a Response (the misconfigured captures)', async () => {
    const { doc } = await check('audience-mismatch.har');
    expect(doc!.flows[0]!.outcome).toBe('refused-by-sp');
    expect(refusal(doc!, 'sp-refused')[0]!.message).toMatch(/redirected to its error page https:\/\/sp\.example\.test\/login\?error=saml\. Most likely because of audience-mismatch/);
  });
});

describe('captures the project has never seen (test/samples, made by real browsers)', () => {
  for (const file of ['chromium-playwright.har', 'firefox-esr.har']) {
    it(`${file}: signed in, IdP not recognised (a loopback test IdP), no refusal invented`, async () => {
      let out = '';
      await main(['check', join(root, 'test/samples', file), '--json'], (t) => {
        out += t;
      });
      const doc = JSON.parse(out) as Report;
      expect(doc.flows.map((f) => [f.outcome, f.idp.product])).toEqual([['signed-in', 'unknown']]);
      expect(refusal(doc, 'idp-refused')).toEqual([]);
      expect(refusal(doc, 'sp-refused')).toEqual([]);
    });
  }
});
