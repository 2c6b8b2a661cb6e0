import { useEffect, useMemo, useState } from 'preact/hooks';
import type { MetadataView } from '../../core/model';
import type { Settings } from '../data-source';
import { useDebounced } from '../hooks/useDebounced';
import { parseCertificates, parseMetadata, profileChoices } from '../engine';
import { accountSidProblem, applyMetadata, clockSkewProblem, splitCertificates } from '../state/settings-form';
import { formatFingerprint } from '../state/labels';
import { editableProfile, withProfileDocument } from '../state/profile-editor';
import { fileText } from '../import/read-file';
import { ProfileEditor } from './ProfileEditor';

export interface SettingsFormProps {
  settings: Settings;
  onSave: (next: Settings) => Promise<void>;
  onClose?: () => void;
  /** Called with the draft as it is edited (and undefined when done), so the findings re-judge before saving. */
  onPreview?: (draft: Settings | undefined) => void;
  /**
   * 'saved' (default): the settings of the live capture, stored in the browser. 'trace': an imported trace's own
   * settings, kept with it and never stored; the browser's preferences (theme, storage) are not shown.
   */
  scope?: 'saved' | 'trace';
  /** For a trace: make these the live capture's settings too (an explicit choice, never implied by an import). */
  onUseForLive?: (next: Settings) => Promise<void>;
}

function MetadataImport({ as, onXml }: { as: 'idp' | 'sp'; onXml: (xml: string) => void }) {
  const [text, setText] = useState('');
  const label = as === 'idp' ? 'IdP' : 'SP';
  return (
    <details class="sl-import">
      <summary>Import {label} metadata</summary>
      <label class="sl-file">
        File:{' '}
        <input
          type="file"
          accept=".xml,application/xml,text/xml"
          onChange={async (e) => {
            const f = (e.target as HTMLInputElement).files?.[0];
            if (f) onXml(await fileText(f));
          }}
        />
      </label>
      <textarea rows={4} spellcheck={false} placeholder={`…or paste the ${label} metadata XML here`} value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} />
      <button type="button" disabled={text.trim() === ''} onClick={() => onXml(text)}>
        Import pasted metadata
      </button>
    </details>
  );
}

type Anchor = ReturnType<typeof parseCertificates>['certs'][number];

/** What one trusted entry is: a certificate, a bare public key, or a fingerprint (SHA-1 flagged as weak). */
function anchorLabel(c: Anchor) {
  if (c.kind === 'public-key') {
    return (
      <>
        public key · SHA-256 of the key <code>{formatFingerprint(c.info.sha256)}</code>
      </>
    );
  }
  if (c.kind === 'fingerprint' && c.fingerprint) {
    return (
      <>
        certificate with {c.fingerprint.hash} fingerprint <code>{formatFingerprint(c.fingerprint.hex)}</code>
        {c.fingerprint.hash === 'SHA-1' ? ' · SHA-1 is weak: prefer the SHA-256 fingerprint or the certificate' : ' · vouches for the certificate a message carries'}
      </>
    );
  }
  return (
    <>
      {c.info.subject ?? 'certificate'} · SHA-256 <code>{formatFingerprint(c.info.sha256)}</code>
    </>
  );
}

function CertificateSummary({ text }: { text: string }) {
  const parsed = useMemo(() => (text.trim() ? parseCertificates(text, 'settings') : { certs: [], problems: [] }), [text]);
  if (!text.trim()) return <p class="sl-muted">No trusted certificate: signatures can be checked for integrity only, not for who signed them.</p>;
  return (
    <ul class="sl-certs">
      {parsed.certs.map((c, i) => (
        <li key={i}>
          {anchorLabel(c)}
          {c.info.notAfter ? ` · expires ${c.info.notAfter}` : ''}
        </li>
      ))}
      {parsed.problems.map((p, i) => (
        <li key={`p${i}`} class="sl-error-text">
          {p.message}
        </li>
      ))}
    </ul>
  );
}

/** The settings form, used by the options page and by the panel's drawer. Saved explicitly, not per keystroke. */
export function SettingsForm({ settings, onSave, onClose, onPreview, scope = 'saved', onUseForLive }: SettingsFormProps) {
  const trace = scope === 'trace';
  const [draft, setDraft] = useState<Settings>(settings);
  const [certText, setCertText] = useState((settings.trustedCertificates ?? []).join('\n\n'));
  const [skew, setSkew] = useState(String(settings.clockSkewSeconds ?? 180));
  const [note, setNote] = useState('');
  const profiles = useMemo(() => profileChoices(), []);
  const [spMetadata, setSpMetadata] = useState<MetadataView>();
  // Remounts the profile editor when the settings are replaced (saved elsewhere, reverted).
  const [editorKey, setEditorKey] = useState(0);
  const previewed = useDebounced(draft, 250);
  useEffect(() => {
    if (previewed !== settings) onPreview?.(previewed);
  }, [previewed]);
  useEffect(() => () => onPreview?.(undefined), []);

  useEffect(() => {
    setDraft(settings);
    setCertText((settings.trustedCertificates ?? []).join('\n\n'));
    setSkew(String(settings.clockSkewSeconds ?? 180));
    setEditorKey((k) => k + 1);
  }, [settings]);

  const set = <K extends keyof Settings>(k: K, v: Settings[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const str = (v: string) => (v.trim() === '' ? undefined : v.trim());
  const sidProblem = accountSidProblem(draft.accountSid);
  const skewProblem = clockSkewProblem(skew);

  const importMetadata = (as: 'idp' | 'sp') => (xml: string) => {
    const { metadata, problems } = parseMetadata(xml);
    if (!metadata) {
      setNote(`Could not read the metadata: ${problems.map((p) => p.message).join('; ') || 'not an EntityDescriptor'}`);
      return;
    }
    if (as === 'sp') setSpMetadata(metadata);
    const out = applyMetadata({ ...draft, trustedCertificates: splitCertificates(certText) }, metadata, as, xml);
    setDraft(out.settings);
    setCertText((out.settings.trustedCertificates ?? []).join('\n\n'));
    setNote(`${out.summary} Review, then save.`);
  };

  const built = (): Settings | undefined => {
    if (sidProblem || skewProblem) return undefined;
    const certs = splitCertificates(certText);
    return {
      ...draft,
      trustedCertificates: certs.length ? certs : undefined,
      clockSkewSeconds: skew.trim() === '' ? undefined : Number(skew),
    };
  };
  const save = async () => {
    const next = built();
    if (!next) return;
    try {
      await onSave(next);
      setNote(trace ? 'Applied to this imported trace only; the live capture keeps its own settings.' : 'Saved. Captured messages are judged again with these settings.');
    } catch (e) {
      setNote(`Could not save: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const useForLive = async () => {
    const next = built();
    if (!next || !onUseForLive) return;
    try {
      await onUseForLive(next);
      setNote('Saved as the live capture\'s settings too.');
    } catch (e) {
      setNote(`Could not save: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <form class="sl-settings" onSubmit={(e) => (e.preventDefault(), void save())}>
      <p class="sl-settings-scope">
        {trace
          ? 'Settings of this imported trace: it started from the generic profile with no expectations. They stay with it and are not stored.'
          : 'Settings of the live capture, stored in this browser.'}
      </p>
      <fieldset>
        <legend>Service provider profile</legend>
        <label>
          Profile{' '}
          <select value={draft.profile ?? 'generic'} onChange={(e) => set('profile', (e.target as HTMLSelectElement).value)}>
            {profiles.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <p class="sl-muted">
          {editableProfile(draft)
            ? 'The custom profile below is used instead.'
            : profiles.find((p) => p.id === (draft.profile ?? 'generic'))?.summary}
        </p>
        <ProfileEditor
          key={editorKey}
          doc={editableProfile(draft)}
          onChange={(doc) => setDraft((d) => withProfileDocument(d, doc))}
          spMetadata={spMetadata}
          onNote={setNote}
        />
        <label class={draft.profile === 'twilio-flex' ? 'sl-emph' : ''}>
          Twilio Account SID (Twilio Flex)
          <input type="text" spellcheck={false} placeholder="AC…" value={draft.accountSid ?? ''} onInput={(e) => set('accountSid', str((e.target as HTMLInputElement).value))} />
        </label>
        {sidProblem ? <p class="sl-error-text">{sidProblem}</p> : null}
      </fieldset>

      <fieldset>
        <legend>Identity provider</legend>
        <label>
          Expected IdP entity ID (Issuer)
          <input type="text" spellcheck={false} value={draft.idpEntityId ?? ''} onInput={(e) => set('idpEntityId', str((e.target as HTMLInputElement).value))} />
        </label>
        <label>
          Trusted IdP signing certificates (PEM, one or more), public keys (PEM PUBLIC KEY) or certificate fingerprints (SHA256:…, one a line)
          <textarea rows={5} spellcheck={false} value={certText} onInput={(e) => setCertText((e.target as HTMLTextAreaElement).value)} placeholder={'-----BEGIN CERTIFICATE-----\n…or SHA256:AB:CD:…'} />
        </label>
        <CertificateSummary text={certText} />
        <MetadataImport as="idp" onXml={importMetadata('idp')} />
      </fieldset>

      <fieldset>
        <legend>Service provider</legend>
        <label>
          SP entity ID (Audience)
          <input type="text" spellcheck={false} value={draft.spEntityId ?? ''} onInput={(e) => set('spEntityId', str((e.target as HTMLInputElement).value))} />
        </label>
        <label>
          Assertion Consumer Service URL
          <input type="text" spellcheck={false} value={draft.acsUrl ?? ''} onInput={(e) => set('acsUrl', str((e.target as HTMLInputElement).value))} />
        </label>
        <MetadataImport as="sp" onXml={importMetadata('sp')} />
        {draft.spMetadataXml ? (
          <p class="sl-muted">
            The imported SP metadata is judged too: its required attributes, NameID formats and signing wishes.{' '}
            <button type="button" onClick={() => (set('spMetadataXml', undefined), setSpMetadata(undefined))}>
              Forget the SP metadata
            </button>
          </p>
        ) : null}
        <label>
          SP private key for encrypted assertions (PEM)
          <textarea rows={3} spellcheck={false} autocomplete="off" value={draft.spPrivateKeyPem ?? ''} onInput={(e) => set('spPrivateKeyPem', str((e.target as HTMLTextAreaElement).value))} placeholder="-----BEGIN PRIVATE KEY-----" />
        </label>
        {trace ? null : (
          <label class="sl-check">
            <input type="checkbox" checked={draft.rememberSpKey} onChange={(e) => set('rememberSpKey', (e.target as HTMLInputElement).checked)} />
            Remember the key in this browser's storage (otherwise it is kept in memory only and forgotten when the page closes)
          </label>
        )}
      </fieldset>

      <fieldset>
        <legend>Checks and capture</legend>
        <label>
          Allowed clock skew (seconds)
          <input type="number" min={0} max={86400} value={skew} onInput={(e) => setSkew((e.target as HTMLInputElement).value)} />
        </label>
        {skewProblem ? <p class="sl-error-text">{skewProblem}</p> : null}
        {trace ? null : (
          <>
            <label class="sl-check">
              <input type="checkbox" checked={draft.keepAcrossRestart} onChange={(e) => set('keepAcrossRestart', (e.target as HTMLInputElement).checked)} />
              Keep captured requests across a browser restart
            </label>
            <label>
              Theme{' '}
              <select value={draft.theme ?? 'auto'} onChange={(e) => set('theme', (e.target as HTMLSelectElement).value as Settings['theme'])}>
                <option value="auto">Follow DevTools / system</option>
                <option value="light">Light</option>
                <option value="dark">Dark</option>
              </select>
            </label>
          </>
        )}
      </fieldset>

      <div class="sl-form-actions">
        <button type="submit" class="sl-primary" disabled={!!sidProblem || !!skewProblem}>
          {trace ? 'Apply to this trace' : 'Save'}
        </button>
        {trace && onUseForLive ? (
          <button type="button" class="sl-use-for-live" disabled={!!sidProblem || !!skewProblem} onClick={() => void useForLive()}>
            Use for the live capture
          </button>
        ) : null}
        <button type="button" onClick={() => (setDraft(settings), setCertText((settings.trustedCertificates ?? []).join('\n\n')), setEditorKey((k) => k + 1), setNote(''))}>
          Revert
        </button>
        {onClose ? (
          <button type="button" onClick={onClose}>
            Close
          </button>
        ) : null}
        <span class="sl-note" role="status">
          {note}
        </span>
      </div>
    </form>
  );
}
