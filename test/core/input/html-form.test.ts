// An IdP's auto-posting page pasted or saved from "view source": read as the form it posts, never as XML with a
// DTD (which would be called an attack).
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../lib/core/analyze';
import { readInput } from '../../../lib/core/input';
import { buildResponse, encodePostValue, loadTestKey, signXml } from '../../../lib/samlgen';

const signed = signXml(buildResponse({ destination: 'https://sp.example.test/acs', nameId: { value: 'jose.muller@example.test' } }), {
  key: loadTestKey('idp'),
  targets: ['assertion'],
});
const value = encodePostValue(signed);
// A page that writes + and = of the base64, and the action's punctuation, as character references.
const escaped = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Sign in</title></head>
<body onload="document.forms[0].submit()">
<form id="appForm" action="https&#x3a;&#x2f;&#x2f;sp.example.test&#x2f;acs" method="POST">
  <input name="SAMLResponse" type="hidden" value="${value.replace(/\+/g, '&#x2b;').replace(/=/g, '&#x3d;')}"/>
  <input name="RelayState" type="hidden" value="&#x2f;app&#x3f;a&#x3d;1&amp;b&#x3d;2"/>
</form></body></html>`;
// Upper-case tags, single quotes, value before name, a comment before the doctype.
const upper = `<!-- AD FS -->
<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN"><HTML><HEAD><TITLE>Working...</TITLE></HEAD><BODY>
<FORM METHOD='POST' NAME='hiddenform' ACTION='https://sp.example.test/acs'><INPUT TYPE='hidden' VALUE='${value}' NAME='SAMLResponse' />
<NOSCRIPT><P>Script is disabled. Click Submit to continue.</P><INPUT TYPE='submit' VALUE='Submit' /></NOSCRIPT></FORM>
<SCRIPT LANGUAGE='javascript'>window.setTimeout('document.forms[0].submit()', 0);</SCRIPT></BODY></HTML>`;

describe('an auto-posting HTML page as input', () => {
  it('reads the page as the form it posts: action, SAMLResponse and RelayState with references decoded', async () => {
    const input = readInput(escaped);
    expect(input.format).toBe('form');
    expect(input.problems).toEqual([]);
    expect(input.entries[0]).toMatchObject({ method: 'POST', url: 'https://sp.example.test/acs', formFields: [['SAMLResponse', value], ['RelayState', '/app?a=1&b=2']] });
    const { report } = await analyzeText(escaped, { trustedCertificates: [loadTestKey('idp').certificatePem], at: 'capture' });
    const [message] = report.messages;
    expect(message).toMatchObject({ kind: 'Response', nameId: { value: 'jose.muller@example.test' }, relayState: '/app?a=1&b=2' });
    expect(message!.signatures.map((s) => s.status)).toEqual(['valid']);
    expect(report.messages.flatMap((m) => m.findings.map((f) => f.rule))).not.toContain('xml-doctype');
  });

  it('reads upper-case tags, single quotes and attributes in any order', () => {
    const input = readInput(upper);
    expect(input.format).toBe('form');
    expect(input.entries[0]).toMatchObject({ url: 'https://sp.example.test/acs', formFields: [['SAMLResponse', value]] });
  });

  it('reads only the form a browser submits: not one in a comment, a template or a script string, nor an input outside any form', () => {
    const live = `<form method="post" action="https://sp.example.test/acs"><input type="hidden" name="SAMLResponse" value="LIVE"></form>`;
    const decoy = `<form action="https://sp.example.test/acs"><input name="SAMLResponse" value="${value}"></form>`;
    const pages = [
      `<!DOCTYPE html><html><body onload="document.forms[0].submit()"><!-- ${decoy} -->${live}</body></html>`,
      `<!DOCTYPE html><html><body><template><template></template>${decoy}</template>${live}</body></html>`,
      `<!DOCTYPE html><html><head><script>var old = '${decoy}';</script></head><body>${live}</body></html>`,
      `<!DOCTYPE html><html><body><div hidden><input name="SAMLResponse" value="${value}"></div>${live}</body></html>`,
      // An SVG <style> is not raw text; nothing in SVG is an HTML form.
      `<!DOCTYPE html><html><body><svg><style>${decoy}</style></svg>${live}</body></html>`,
      `<!DOCTYPE html><html><body><!--><form action="https://idp.example.test/"></form>${live}</body></html>`,
      // Disabled inputs are never submitted; an input whose form attribute names another form belongs to that one.
      `<!DOCTYPE html><html><body><form action="https://sp.example.test/acs"><input name="SAMLResponse" value="${value}" disabled></form>${live}</body></html>`,
      `<!DOCTYPE html><html><body><form id="f1" action="https://sp.example.test/acs"><input name="SAMLResponse" value="LIVE"></form><form id="f2"><input name="SAMLResponse" value="${value}" form="nowhere"></form></body></html>`,
    ];
    for (const page of pages) expect(readInput(page).entries[0]?.formFields, page.slice(0, 80)).toEqual([['SAMLResponse', 'LIVE']]);
  });

  it('reads every live form that carries a SAML field, so a page posting two messages shows both', () => {
    const two = `<!DOCTYPE html><html><body><form action="https://sp.example.test/acs"><input name="SAMLResponse" value="A"></form><form action="https://sp.example.test/acs"><input name="SAMLResponse" value="B"></form></body></html>`;
    expect(readInput(two).entries[0]?.formFields).toEqual([['SAMLResponse', 'A'], ['SAMLResponse', 'B']]);
    // The URL is the message's own form's: a first form with only RelayState lends it nothing, and two message
    // forms posting to different places leave it unknown.
    const decoyAction = `<!DOCTYPE html><html><body><form action="https://corp.okta.com/x"><input name="RelayState" value="r"></form><form action="https://sp.example.test/acs"><input name="SAMLResponse" value="A"></form></body></html>`;
    expect(readInput(decoyAction).entries[0]?.url).toBe('https://sp.example.test/acs');
    expect(readInput(two.replace('<form action="https://sp.example.test/acs"><input name="SAMLResponse" value="B">', '<form action="https://idp.example.test/"><input name="SAMLResponse" value="B">')).entries[0]?.url).toBe('');
  });

  it('reads an XHTML page that opens with an XML declaration as a page, not as XML with a DTD', () => {
    const xhtml = `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n<html xmlns="http://www.w3.org/1999/xhtml"><body onload="document.forms[0].submit()"><form action="https://sp.example.test/acs" method="post"><div><input type="hidden" name="SAMLResponse" value="${value}"/></div></form></body></html>`;
    const input = readInput(xhtml);
    expect(input.format).toBe('form');
    expect(input.entries[0]?.formFields).toEqual([['SAMLResponse', value]]);
  });

  it('says plainly that an HTML page without a SAML form has none', () => {
    const input = readInput('<!doctype html><html><body><form action="/login"><input name="username"></form></body></html>');
    expect(input.entries).toEqual([]);
    expect(input.problems.map((p) => p.message).join()).toMatch(/HTML page with no SAML form/i);
  });

  it('still refuses a SAML message that declares a DTD', async () => {
    const { report } = await analyzeText(`<!DOCTYPE samlp:Response [<!ENTITY x "y">]>${signed}`);
    expect(report.messages.flatMap((m) => m.findings.map((f) => f.rule))).toContain('xml-doctype');
  });
});

describe('the fields an auto-posting page submits are the ones a browser would', () => {
  const forged = encodePostValue(buildResponse({ destination: 'https://sp.example.test/acs', nameId: { value: 'admin@example.test' } }));
  const page = (controls: string) =>
    `<!DOCTYPE html><html><body onload="document.forms[0].submit()"><form method="post" action="https://sp.example.test/acs">${controls}</form></body></html>`;
  const fields = (html: string) => readInput(html).entries[0]?.formFields ?? [];

  it('an unchecked checkbox is not submitted; a textarea is, with its text as the value', () => {
    const html = page(`<input type="checkbox" name="SAMLResponse" value="${value}"><textarea name="SAMLResponse">\n${forged}</textarea>`);
    expect(fields(html)).toEqual([['SAMLResponse', forged]]);
  });

  it('a checked checkbox or radio is submitted', () => {
    expect(fields(page(`<input type="radio" name="SAMLResponse" value="${value}" checked>`))).toEqual([['SAMLResponse', value]]);
  });

  it('a control in a disabled fieldset is not submitted, except in its first legend', () => {
    const html = page(`<fieldset disabled><legend><input type="hidden" name="RelayState" value="kept"></legend><input type="hidden" name="SAMLResponse" value="${value}"></fieldset><input type="hidden" name="SAMLResponse" value="${forged}">`);
    expect(fields(html)).toEqual([['RelayState', 'kept'], ['SAMLResponse', forged]]);
  });

  it("a select submits its selected option's value (its first option when none is marked)", () => {
    expect(fields(page(`<select name="SAMLResponse"><option value="${value}">a</option><option value="${forged}" selected>b</option></select>`))).toEqual([['SAMLResponse', forged]]);
    expect(fields(page(`<select name="SAMLResponse"><option>${forged}</option><option>${value}</option></select>`))).toEqual([['SAMLResponse', forged]]);
  });

  it('reset, plain-button, image and file inputs are never submitted; a named submit button may be (the no-script click)', () => {
    const never = ['reset', 'button', 'image', 'file'].map((t) => `<input type="${t}" name="SAMLResponse" value="${forged}">`).join('');
    expect(fields(page(`${never}<button type="button" name="SAMLResponse" value="${forged}">x</button><input type="hidden" name="SAMLResponse" value="${value}">`))).toEqual([['SAMLResponse', value]]);
    expect(fields(page(`<input type="hidden" name="SAMLResponse" value="${value}"><button name="SAMLResponse" value="${forged}">Continue</button>`))).toEqual([
      ['SAMLResponse', value],
      ['SAMLResponse', forged],
    ]);
  });

  it('the forged copy in a textarea beside a genuine one in an unchecked checkbox is judged, and fails', async () => {
    const html = page(`<input type="checkbox" name="SAMLResponse" value="${value}"><textarea name="SAMLResponse">${forged}</textarea>`);
    const { report } = await analyzeText(html, { trustedCertificates: [loadTestKey('idp').certificatePem], at: 'capture' });
    expect(report.messages.map((m) => m.nameId?.value)).toEqual(['admin@example.test']);
    expect(report.summary.errors).toBeGreaterThan(0);
  });

  it('a look-alike name (leading space) is kept, for the binding to judge both copies', () => {
    expect(fields(page(`<input type="hidden" name="SAMLResponse" value="${value}"><input type="hidden" name=" SAMLResponse" value="${forged}">`))).toEqual([
      ['SAMLResponse', value],
      [' SAMLResponse', forged],
    ]);
  });

  it("markup inside a textarea is its text, not a control", () => {
    expect(fields(page(`<textarea name="x"><input type="hidden" name="SAMLResponse" value="${forged}"></textarea><input type="hidden" name="SAMLResponse" value="${value}">`))).toEqual([['SAMLResponse', value]]);
  });
});

describe('the page is parsed as a browser parses it (each case once let a reader of its own see another field)', () => {
  const forged = 'Rk9SR0VE';
  const genuine = 'R0VOVUlORQ==';
  const fieldsOf = (body: string) => readInput(`<!DOCTYPE html><html><body>${body}</body></html>`).entries[0]?.formFields ?? [];
  const form = (inner: string) => `<form method="post" action="https://sp.example.test/acs">${inner}</form>`;
  const input = (value: string) => `<input type="hidden" name="SAMLResponse" value="${value}">`;

  it.each<[string, string, Array<[string, string]>]>([
    ['a comment ended by --!>', form(`<!-- x --!>${input(forged)}<!-- y -->`), [['SAMLResponse', forged]]],
    ['an input after a <p> that leaves an <svg>', form(`<svg><p>${input(forged)}</p></svg>`), [['SAMLResponse', forged]]],
    ['an input inside an <svg> foreignObject', form(`<svg><foreignObject>${input(forged)}</foreignObject></svg>`), [['SAMLResponse', forged]]],
    ['a custom element named </form-x>', form(`</form-x>${input(forged)}`), [['SAMLResponse', forged]]],
    ['a quote inside an unquoted attribute name', form(`<input type=hidden zz'>${input(forged)}`), [['SAMLResponse', forged]]],
    ['</form> inside a <div> (the input stays in the form)', `<form method="post" action="/acs"><div></form>${input(forged)}</div>`, [['SAMLResponse', forged]]],
    ['a fieldset closed by its parent', form(`<div><fieldset disabled></div>${input(forged)}`), [['SAMLResponse', forged]]],
    ['a disabled optgroup', form(`<select name="SAMLResponse"><optgroup disabled><option>${genuine}</option></optgroup><option>${forged}</option></select>`), [['SAMLResponse', forged]]],
    ['a select size HTML reads as 0', form(`<select name="SAMLResponse" size="0x2"><option>${forged}</option></select>`), [['SAMLResponse', forged]]],
    ['a type with a KELVIN SIGN (not a checkbox to HTML)', form(`<input type="chec&#x212A;box" name="SAMLResponse" value="${forged}">`), [['SAMLResponse', forged]]],
    ['named references and markup in an option', form(`<select name="SAMLResponse"><option>Rk9S<span></span>R0VE&plus;&equals;</option></select>`), [['SAMLResponse', 'Rk9SR0VE+=']]],
  ])('%s', (_what, body, expected) => {
    expect(fieldsOf(body)).toEqual(expected);
  });
});
