// The scanners under redaction: what they find in free text, and what they leave alone.
import { describe, expect, it } from 'vitest';
import { isCredentialHeader, isCredentialParam, isJwt, looksLikeToken } from '../../../lib/core/trace/redact/credentials';
import { emailSpans } from '../../../lib/core/trace/redact/emails';
import { credentialSpans } from '../../../lib/core/trace/redact/scan';
import { innerText, rewritePersonal } from '../../../lib/core/trace/redact/xml-text';

const found = (text: string) => credentialSpans(text).map((s) => text.slice(s.start, s.end));
const emails = (text: string) => emailSpans(text).map((s) => [text.slice(s.start, s.end), s.levels]);

describe('credentialSpans', () => {
  it('finds credential parameters in a URL as written, encoded once and encoded twice', () => {
    expect(found('https://app/after?token=abc123&lang=en')).toEqual(['abc123']);
    expect(found('https%3A%2F%2Fapp%2Fafter%3Ftoken%3Dabc123%26lang%3Den')).toEqual(['abc123']);
    expect(found('https%253A%252F%252Fapp%252Fafter%253Ftoken%253Dabc123%2526lang%253Den')).toEqual(['abc123']);
    // A value ends where the enclosing level's separator is, however it is spelt.
    expect(found('next=%2Fa%3Fcode%3DXyZ987%26x%3D1&access_token=t0k3n')).toEqual(['XyZ987', 't0k3n']);
  });

  it('reads parameters in XML (`&amp;`), fragments and matrix parameters, and at the very start', () => {
    expect(found('<a href="https://x/y?a=1&amp;sig=S1g&amp;b=2">')).toEqual(['S1g']);
    expect(found('https://x/#access_token=AT1&state=s')).toEqual(['AT1']);
    expect(found('/app;jsessionid=1A2B3C4D?x=1')).toEqual(['1A2B3C4D?x=1']);
    expect(found('password=hunter2&user=bob')).toEqual(['hunter2']);
  });

  it('leaves the HTTP-Redirect Signature next to a SAML message, and removes a Signature elsewhere', () => {
    expect(found('https://idp/sso?SAMLRequest=fZFBT&SigAlg=x&Signature=c2ln')).toEqual([]);
    expect(found('https://cdn/a.mp4?Expires=1&Signature=c2ln')).toEqual(['c2ln']);
  });

  it('finds path tokens and JWTs, and passwords in user:password@', () => {
    const token = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl';
    expect(found(`see https://x/t/${token}/open or ${token}.`)).toEqual([token, token]);
    expect(found('https://x/reset/Zk9xQ2VtS3pPbWx4N2FhbzNQ/go')).toEqual(['Zk9xQ2VtS3pPbWx4N2FhbzNQ']);
    expect(found('https%3A%2F%2Fx%2Freset%2FZk9xQ2VtS3pPbWx4N2FhbzNQ%2Fgo')).toEqual(['Zk9xQ2VtS3pPbWx4N2FhbzNQ']);
    expect(found('/reset/Zk9xQ2VtS3pPbWx4N2FhbzNQ')).toEqual(['Zk9xQ2VtS3pPbWx4N2FhbzNQ']);
    expect(found('ftp://backup:s3cr3t@files.example.test/x')).toEqual(['s3cr3t']);
  });

  it('does not treat base64 (a SAML message, a certificate) as credentials', () => {
    const b64 = Buffer.from('<samlp:Response ID="_1">'.repeat(40)).toString('base64');
    expect(found(b64)).toEqual([]);
    expect(found(`<ds:X509Certificate>MIIC${b64}</ds:X509Certificate>`)).toEqual([]);
  });
});

describe('names and shapes', () => {
  it.each(['token', 'access_token', 'id_token', 'refresh_token', 'code', 'client_secret', 'code_verifier', 'password', 'sig', 'X-Amz-Signature', 'X-Amz-Credential', 'X-Goog-Signature', 'key', 'api_key', 'apikey', 'sid', 'JSESSIONID', 'ASP.NET_SessionId', 'oauth_signature', 'ticket', 'amp;token', '#/route?token'])(
    '%s is a credential parameter',
    (name) => expect(isCredentialParam(name)).toBe(true),
  );

  it.each(['SAMLRequest', 'SAMLResponse', 'SAMLart', 'RelayState', 'SigAlg', 'state', 'nonce', 'client_id', 'sv', 'se', 'sp', 'X-Amz-Date', 'X-Amz-Algorithm', 'lang', 'keyword', 'monkey', 'authuser', 'AccountSid'])(
    '%s is not a credential parameter',
    (name) => expect(isCredentialParam(name)).toBe(false),
  );

  it('headers named for a key, token, secret or signature carry credentials', () => {
    for (const h of ['Ocp-Apim-Subscription-Key', 'X-Functions-Key', 'X-Goog-Api-Key', 'PRIVATE-TOKEN', 'X-Hub-Signature-256', 'Authorization']) expect(isCredentialHeader(h), h).toBe(true);
    for (const h of ['Accept', 'User-Agent', 'Keep-Alive', 'X-Amz-Date', 'Content-Type']) expect(isCredentialHeader(h), h).toBe(false);
  });

  it('token shapes: long random runs and JWTs, never GUIDs, short ids, words or Twilio SIDs', () => {
    expect(looksLikeToken('Zk9xQ2VtS3pPbWx4N2FhbzNQ')).toBe(true);
    expect(looksLikeToken('5f4dcc3b5aa765d61d8327deb882cf99')).toBe(true);
    expect(looksLikeToken('AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY')).toBe(true);
    expect(looksLikeToken('sk_live_4eC39HqLyjWDarjtT1zdp7dc')).toBe(true);
    expect(isJwt('eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.')).toBe(true);
    for (const ordinary of ['72f988bf-86f1-41af-91ab-2d7cd011db47', 'exk1a2b3c4d5e6f7g8h9', 'AC5f0e8d2c4b6a19387f5e4d3c2b1a0f9e', 'Engineering-Department-2026', 'Annual-Report-2026-Q1-Final-Version-2', 'federationmetadata', 'eyJustAWord.x.y']) {
      expect(looksLikeToken(ordinary), ordinary).toBe(false);
    }
  });
});

describe('emailSpans', () => {
  it('finds an address as written, once and twice percent-encoded, with its level', () => {
    expect(emails('to bob@fabrikam.example.')).toEqual([['bob@fabrikam.example', 0]]);
    expect(emails('user=bob%40fabrikam.example&x')).toEqual([['bob%40fabrikam.example', 1]]);
    expect(emails('user%3Dbob.b%252Btag%2540fabrikam.example%26x')).toEqual([['bob.b%252Btag%2540fabrikam.example', 2]]);
  });

  it('stops the local part at an escaped separator and needs a real top-level label', () => {
    expect(emails('https%3A%2F%2Fa%2F%3Fu%3Dbob%40x.example')).toEqual([['bob%40x.example', 1]]);
    expect(emails('a@b c@d.e f@g.h1 @x.example x@.example')).toEqual([]);
    expect(emails('x@mail.example.co.uk-tail')).toEqual([['x@mail.example.co.uk', 0]]);
  });
});

describe('XML text access', () => {
  it('innerText drops comments and tags, unwraps CDATA, decodes entities', () => {
    expect(innerText('a<!-- c -->b<![CDATA[<c>]]>&amp;<i>d</i>')).toBe('ab<c>&d');
    expect(innerText('x <!-- never closed')).toBe('x <!-- never closed');
  });

  it('rewritePersonal visits every prefix, skips self-closing elements, and rewrites the SessionIndex attribute', () => {
    const xml =
      '<r><saml:NameID>alice</saml:NameID><NameID/><x:NameID >bob</x:NameID ><AuthnStatement AuthnInstant="t" SessionIndex="_s1"/>' +
      '<samlp:SessionIndex>_s2</samlp:SessionIndex><saml:Attribute Name="mail"><saml:AttributeValue>a@b.example</saml:AttributeValue></saml:Attribute></r>';
    const seen: string[] = [];
    // Like the pseudonym table, the visitor leaves a value it already replaced (an AttributeValue is seen again as a stray).
    const out = rewritePersonal(xml, (f) => {
      if (f.value === f.value.toUpperCase()) return undefined;
      seen.push(`${f.element}:${f.value}${f.attributeName ? `@${f.attributeName}` : ''}`);
      return f.value.toUpperCase();
    });
    expect(seen).toEqual(['AttributeValue:a@b.example@mail', 'NameID:alice', 'NameID:bob', 'SessionIndex:_s2', 'SessionIndex:_s1']);
    expect(out).toBe(
      '<r><saml:NameID>ALICE</saml:NameID><NameID/><x:NameID >BOB</x:NameID><AuthnStatement AuthnInstant="t" SessionIndex="_S1"/>' +
        '<samlp:SessionIndex>_S2</samlp:SessionIndex><saml:Attribute Name="mail"><saml:AttributeValue>A@B.EXAMPLE</saml:AttributeValue></saml:Attribute></r>',
    );
  });

  it('an element opened and never closed is left as it is', () => {
    const xml = '<NameID>alice<NameID>bob';
    expect(rewritePersonal(xml, () => 'X')).toBe(xml);
  });
});
