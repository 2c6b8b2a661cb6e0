// A message is read as UTF-8; one whose XML declaration names an encoding a libxml2-based SP would read
// differently is refused, since the two readers would not see the same document.
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../lib/core/analyze';
import { parseSaml } from '../../../lib/core/xml';
import { buildResponse, loadTestKey, signXml } from '../../../lib/samlgen';
import { utf7 } from '../../fixtures/forgeries/c12-parser-differentials';

const signed = signXml(buildResponse({ nameId: { value: 'alice@example.test' } }), { key: loadTestKey('idp'), targets: ['assertion'] });
const body = signed.replace(/^<\?xml[^>]*\?>\s*/, '');
const refusal = (xml: string) => parseSaml(xml).problems.find((p) => p.rule === 'xml-refused')?.message;


describe('the encoding an XML declaration names', () => {
  it('refuses UTF-7, in which a comment here is an assertion to a parser that follows the declaration', async () => {
    // The genuine signature is untouched: only the envelope outside the signed Assertion changes.
    const forged = `<saml:Assertion ID="_evil"><saml:Subject><saml:NameID>admin@example.test</saml:NameID></saml:Subject></saml:Assertion>`;
    const withHidden = body.replace('<saml:Assertion ', `<!-- ${utf7(`--><!-- ${forged}`)} --><saml:Assertion `);
    const xml = `<?xml version="1.0" encoding="UTF-7"?>${withHidden}`;
    expect(refusal(xml)).toMatch(/encoding "UTF-7".*UTF-7 even markup/);
    const { report } = await analyzeText(xml, { trustedCertificates: [loadTestKey('idp').certificatePem] });
    expect(report.messages[0]!.findings.map((f) => [f.rule, f.severity])).toContainEqual(['xml-refused', 'error']);
    // Without the declaration the same text is one genuine, signed assertion.
    const plain = await analyzeText(withHidden, { trustedCertificates: [loadTestKey('idp').certificatePem] });
    expect(plain.report.messages[0]!.signatures.map((s) => s.status)).toEqual(['valid']);
  });

  it('refuses a UTF-16 label on UTF-8 text, and a single-byte one when the text is not all ASCII', () => {
    expect(refusal(`<?xml version="1.0" encoding="utf-16"?>${body}`)).toMatch(/encoding "utf-16"/);
    const accented = body.replace('alice@example.test', 'jos\u00e9@example.test');
    expect(refusal(`<?xml version="1.0" encoding="ISO-8859-1"?>${accented}`)).toMatch(/encoding "ISO-8859-1"/);
    expect(refusal(`<?xml version='1.0' encoding='windows-1252'?>${accented}`)).toMatch(/encoding "windows-1252"/);
  });

  it('reads UTF-8 in any spelling, no encoding at all, and an ASCII-only message under an ASCII-compatible label', () => {
    for (const decl of ['<?xml version="1.0" encoding="UTF-8"?>', "<?xml version='1.0' encoding='utf8'?>", '<?xml version="1.0"?>', '<?xml version="1.0" encoding="ISO-8859-1"?>', '<?xml version="1.0" encoding="US-ASCII"?>']) {
      expect(refusal(`${decl}${body}`), decl).toBeUndefined();
    }
    expect(refusal(body.replace('alice@example.test', 'jos\u00e9@example.test'))).toBeUndefined();
  });
});
