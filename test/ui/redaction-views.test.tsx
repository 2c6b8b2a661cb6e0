import { describe, expect, it } from 'vitest';
import { asClaim } from '../../lib/core/captured';
import type { SignatureVerdict } from '../../lib/core/model';
import { SignatureList } from '../../lib/ui/components/SummaryCard';
import { PreviewView } from '../../lib/ui/components/ExportDialog';
import { previewSummary } from '../../lib/ui/state/export-choice';
import { allHosts, allText, expand } from './expand';

const valid: SignatureVerdict = {
  status: 'valid',
  reason: 'signature valid with the trusted IdP certificate',
  target: '_a1',
  targetKind: 'assertion',
  form: 'xml',
};

describe('redaction in the views', () => {
  it('a captured verdict shows the mark and never the valid status; a verdict computed here has no mark', () => {
    const claim = asClaim(valid);
    const marked = expand(<SignatureList signatures={[claim]} />);
    expect(allText(marked)).toMatch(/^as captured ?not verified here/);
    expect(allText(marked)).not.toContain('intact');
    expect(allHosts(marked).some((h) => String(h.props.class ?? '').includes('sl-sig-status-untrusted'))).toBe(true);
    expect(allHosts(marked).some((h) => String(h.props.class ?? '').includes('sl-sig-status-valid'))).toBe(false);
    expect(allText(expand(<SignatureList signatures={[valid]} />))).not.toContain('as captured');
  });

  it('the preview lists each kind with its count and places, the notes, and the caution', () => {
    const preview = previewSummary(
      {
        profile: 'support',
        redactedEntries: ['e1'],
        replacements: [{ where: 'request header Cookie', kind: 'cookie', count: 2 }],
        counts: { cookie: 2, credential: 0, secret: 0, nameid: 0, session: 0, attribute: 0, name: 0, email: 0, undecodable: 0 },
        pseudonyms: 0,
      },
      [{ entry: 'e9', message: 'has no capture time' }],
    );
    const text = allText(expand(<PreviewView preview={preview} />));
    expect(text).toContain('Cookie and Set-Cookie values');
    expect(text).toContain('request header Cookie');
    expect(text).toContain('e9: has no capture time');
    expect(text).toContain('1 request changed');
    expect(text).toContain('Personal data');
  });
});
