// A capture's control characters reach a terminal or a ticket as their escapes, never as themselves: ESC would
// start terminal sequences, CR print over a line, U+202E reverse the order an Issuer or a URL is shown in.
import { describe, expect, it } from 'vitest';
import { exportEntries } from '../../lib/core/trace';
import { buildResponse } from '../../lib/samlgen';
import { ACS, authnRequest, postEntry, redirectEntry, response, SP_ENTITY } from '../core/rules/build';
import { runCli, tempFiles } from './run-cli';

// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const TITLE = '\u001b]0;PWNED\u0007';
const CLEAR = '\u001b[2J';

const files = tempFiles('saml-lens-controls-');

function capture(issuerTail: string): string {
  const request = redirectEntry('SAMLRequest', authnRequest());
  request.url = request.url.replace('?', `?x=${TITLE}&`);
  // XML 1.0 allows C1 controls and the bidirectional overrides in text: an Issuer that reads backwards.
  const xml = response({ issuer: `https://idp.example.test/\u202e${issuerTail}\u009b31m` }).replace(
    `<saml:Audience>${SP_ENTITY}</saml:Audience>`,
    `<saml:Audience>${SP_ENTITY}\r${'x'.repeat(3)}</saml:Audience>`,
  );
  const post = postEntry('SAMLResponse', xml, `${ACS}?${CLEAR}`, undefined, [['RelayState', `${CLEAR}back`]]);
  post.requestHeaders.push({ name: 'Referer', value: `https://app.example.test/${TITLE}` });
  return exportEntries([request, post], { format: 'har', profile: 'none' }).text;
}

const before = files.file('before.har', capture('gro.elpmaxe'));
const after = files.file('after.har', capture('gro.rehto'));

describe('control characters of a capture', () => {
  it.each([
    ['check', []],
    ['check --verbose', ['--verbose']],
    ['check --format markdown', ['--format', 'markdown']],
    ['check --format html', ['--format', 'html']],
  ])('%s shows them escaped', async (_name, flags) => {
    const { code, out } = await runCli('check', before, '--no-color', ...flags);
    expect(code).toBe(1);
    expect(out).not.toMatch(UNPRINTABLE);
    // Shown, as escapes (Markdown escapes the backslash itself).
    expect(out).toMatch(/\\\\?u(001b|202e)/);
  });

  it('diff shows them escaped, in the terminal and in Markdown', async () => {
    for (const flags of [[], ['--format', 'markdown']]) {
      const { out } = await runCli('diff', before, after, '--no-color', ...flags);
      expect(out).not.toMatch(UNPRINTABLE);
      expect(out).toMatch(/\\\\?u202e/);
    }
  });

  it('JSON keeps the text as captured, for the tools that read it', async () => {
    const { out } = await runCli('check', before, '--json');
    expect(JSON.parse(out).messages[1].issuer).toBe(`https://idp.example.test/\u202egro.elpmaxe\u009b31m`);
  });

  it('plain text is left alone', async () => {
    const plain = files.file('plain.har', exportEntries([postEntry('SAMLResponse', buildResponse({ destination: ACS }))], { format: 'har', profile: 'none' }).text);
    const { out } = await runCli('check', plain, '--no-color');
    expect(out).not.toMatch(/\\u00/);
  });
});
