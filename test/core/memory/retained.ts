// Child process of retention.test.ts (run with --expose-gc): checks `count` messages of about 0.5 MB, each
// carrying names and values no earlier one had, or the same ones, and prints the MB the heap kept afterwards.
import { analyzeText } from '../../../lib/core/analyze';
import { buildResponse, encodePostValue } from '../../../lib/samlgen';

const [count, mode] = [Number(process.argv[2] ?? 40), process.argv[3] ?? 'new'];
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const big = 'y'.repeat(500_000);
const DS = 'http://www.w3.org/2000/09/xmldsig#';

function message(i: number): string {
  const u = mode === 'new' ? i : 0;
  const xml = buildResponse({
    id: `_response-${u}-0123456789abcdef`,
    destination: `https://sp${u}.example.test/acs/path`,
    issuer: `https://idp${u}.example.test/metadata`,
    audiences: [`https://sp${u}.example.test/metadata`],
    attributes: [{ name: `attribute-${u}-with-a-long-name`, values: [big] }],
  });
  // An element name, a namespace and a KeyInfo certificate of this message's own.
  const own = `<ext:ExtensionElement${u} xmlns:ext="urn:example:extension:${u}:namespace"/>`;
  const signature = `<ds:Signature xmlns:ds="${DS}"><ds:SignedInfo/><ds:SignatureValue>AAAA</ds:SignatureValue><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${btoa(`certificate ${u} `.repeat(40))}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></ds:Signature>`;
  return xml.replace(/(<saml:Issuer[^>]*>[^<]*<\/saml:Issuer>)/, `$1${signature}${own}`);
}

gc();
const before = process.memoryUsage().heapUsed;
for (let i = 0; i < count; i++) await analyzeText(`SAMLResponse=${encodeURIComponent(encodePostValue(message(i)))}`, { at: 'now' });
gc();
console.log(JSON.stringify({ retainedMb: (process.memoryUsage().heapUsed - before) / 1e6 }));
