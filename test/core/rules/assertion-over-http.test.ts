// An assertion posted over plain HTTP: captured going to an http:// ACS, or pasted with an http:// Destination;
// never for the developer's own machine, never for a message without an assertion.
import { describe, expect, it } from 'vitest';
import { analyze, analyzeText } from '../../../lib/core/analyze';
import type { Report } from '../../../lib/core/model';
import { authnRequest, postEntry, redirectEntry, response, TRUST } from './build';

const hits = (report: Report) => report.messages.flatMap((m) => m.findings).filter((f) => f.rule === 'assertion-over-http');

function posted(acs: string) {
  return analyze([postEntry('SAMLResponse', response({ inResponseTo: undefined, destination: acs, recipient: acs }), acs)], TRUST);
}

describe('assertion-over-http', () => {
  it('names the Destination of a pasted Response, which has no captured URL', async () => {
    const { report } = await analyzeText(response({ inResponseTo: undefined, destination: 'http://10.0.0.7:8080/saml/acs' }), TRUST);
    expect(hits(report).map((f) => f.message)).toEqual([
      'This Response carries an assertion and is addressed to (Destination) "http://10.0.0.7:8080/saml/acs", plain HTTP on 10.0.0.7: posted there, the assertion crosses the network unencrypted, and anyone who reads it can sign in as the user until it expires.',
    ]);
  });

  it('stays quiet for the local machine, for https, and for what carries no assertion', async () => {
    for (const acs of ['http://127.0.0.1:3000/acs', 'http://[::1]/acs', 'http://app.localhost/acs', 'http://LOCALHOST:8443/acs', 'https://sp.example.test/acs']) {
      expect(hits(await posted(acs)), acs).toEqual([]);
    }
    const request = await analyze([redirectEntry('SAMLRequest', authnRequest({ acsUrl: 'http://sp.example.test/acs' }), 'http://idp.example.test/sso')], TRUST);
    expect(hits(request)).toEqual([]);
  });

  it('is not fooled by a host that only starts like the loopback name', async () => {
    expect(hits(await posted('http://localhost.evil.example/acs'))).toHaveLength(1);
    expect(hits(await posted('http://127.0.0.1.nip.io/acs'))).toHaveLength(1);
  });
});
