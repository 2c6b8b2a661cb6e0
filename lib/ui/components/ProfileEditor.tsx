import { useMemo, useState } from 'preact/hooks';
import type { MetadataView } from '../../core/model';
import { saveTextFile } from '../download';
import { fileText } from '../import/read-file';
import { profileChoices, type ProfileDocument } from '../engine';
import {
  attributesText,
  exportProfile,
  importProfile,
  profileStatus,
  startProfile,
  withAttributesText,
  withField,
  withSign,
} from '../state/profile-editor';

const NAMEID_FORMATS = [
  'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
  'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
  'urn:oasis:names:tc:SAML:2.0:nameid-format:transient',
  'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
];

export interface ProfileEditorProps {
  /** The custom profile being edited; undefined: the built-in profile chosen above is used. */
  doc: ProfileDocument | undefined;
  onChange: (doc: ProfileDocument | undefined) => void;
  /** SP metadata imported in this form, to start a profile from. */
  spMetadata?: MetadataView;
  onNote: (note: string) => void;
}

/** A custom SP profile: started from nothing, a built-in profile or SP metadata; imported, edited, exported. */
export function ProfileEditor({ doc, onChange, spMetadata, onNote }: ProfileEditorProps) {
  const builtins = useMemo(() => profileChoices(), []);
  const [start, setStart] = useState('generic');
  const [attrs, setAttrs] = useState(doc ? attributesText(doc) : '');
  const [pasted, setPasted] = useState('');
  const status = useMemo(() => (doc ? profileStatus(doc) : undefined), [doc]);

  const begin = () => {
    const next =
      start === 'empty' ? startProfile({ from: 'empty' }) : start === 'metadata' && spMetadata ? startProfile({ from: 'metadata', metadata: spMetadata }) : startProfile({ from: 'builtin', id: start });
    setAttrs(attributesText(next));
    onChange(next);
  };
  const load = (text: string) => {
    const { doc: imported, error } = importProfile(text);
    if (!imported) return onNote(error ?? 'Could not import the profile.');
    setAttrs(attributesText(imported));
    onChange(imported);
    onNote(`Imported profile "${imported.name}". Review, then save.`);
  };

  if (!doc) {
    return (
      <details class="sl-import">
        <summary>Custom profile (your own SP's requirements)</summary>
        <label>
          Start from{' '}
          <select value={start} onChange={(e) => setStart((e.target as HTMLSelectElement).value)}>
            <option value="empty">Empty</option>
            {spMetadata ? <option value="metadata">The imported SP metadata ({spMetadata.entityId})</option> : null}
            {builtins.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>{' '}
          <button type="button" onClick={begin}>
            Create
          </button>
        </label>
        <label class="sl-file">
          Or import a profile file (JSON):{' '}
          <input type="file" accept=".json,application/json" onChange={async (e) => {
            const f = (e.target as HTMLInputElement).files?.[0];
            if (f) load(await fileText(f));
          }} />
        </label>
        <textarea rows={3} spellcheck={false} placeholder="…or paste a profile's JSON here" value={pasted} onInput={(e) => setPasted((e.target as HTMLTextAreaElement).value)} />
        <button type="button" disabled={pasted.trim() === ''} onClick={() => load(pasted)}>
          Import pasted profile
        </button>
      </details>
    );
  }

  const set = (next: ProfileDocument) => onChange(next);
  return (
    <div class="sl-profile-editor" aria-label="Custom profile">
      <label>
        Profile name
        <input type="text" value={doc.name} onInput={(e) => set({ ...doc, name: (e.target as HTMLInputElement).value })} />
      </label>
      <label>
        Based on{' '}
        <select value={typeof doc.extends === 'string' ? doc.extends : ''} onChange={(e) => set(withField(doc, 'extends', (e.target as HTMLSelectElement).value))}>
          <option value="">{typeof doc.extends === 'object' ? 'the profile inside this file' : 'nothing (SAML specifications only)'}</option>
          {builtins.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Required attributes, one a line: <code>name | alias, alias | purpose</code>
        <textarea rows={4} spellcheck={false} value={attrs} onInput={(e) => {
          const text = (e.target as HTMLTextAreaElement).value;
          setAttrs(text);
          set(withAttributesText(doc, text));
        }} />
      </label>
      <label class="sl-check">
        <input type="checkbox" checked={doc.bareAttributeNames === true} onChange={(e) => set(withField(doc, 'bareAttributeNames', (e.target as HTMLInputElement).checked))} />
        The SP reads these exact names (a claim URI in their place is ignored)
      </label>
      <label class="sl-check">
        <input type="checkbox" checked={doc.readsFirstAttributeOnly === true} onChange={(e) => set(withField(doc, 'readsFirstAttributeOnly', (e.target as HTMLInputElement).checked))} />
        The SP reads only the first Attribute element of a name (values repeated in further elements are lost)
      </label>
      <label>
        NameID format
        <input type="text" list="sl-nameid-formats" spellcheck={false} value={doc.nameIdFormat ?? ''} placeholder="any" onInput={(e) => set(withField(doc, 'nameIdFormat', (e.target as HTMLInputElement).value.trim()))} />
        <datalist id="sl-nameid-formats">
          {NAMEID_FORMATS.map((f) => (
            <option key={f} value={f} />
          ))}
        </datalist>
      </label>
      <label class="sl-check">
        <input type="checkbox" checked={doc.sign?.response === true} onChange={(e) => set(withSign(doc, 'response', (e.target as HTMLInputElement).checked))} />
        Response must be signed
      </label>
      <label class="sl-check">
        <input type="checkbox" checked={doc.sign?.assertion === true} onChange={(e) => set(withSign(doc, 'assertion', (e.target as HTMLInputElement).checked))} />
        Assertion must be signed
      </label>
      <label class="sl-check">
        <input type="checkbox" checked={doc.requireSha256 === true} onChange={(e) => set(withField(doc, 'requireSha256', (e.target as HTMLInputElement).checked))} />
        SHA-1 is refused (SHA-256 only)
      </label>
      {status?.ok ? (
        <p class="sl-muted" role="status">Checks: {status.requirements.join('; ') || 'nothing beyond the base profile'}.</p>
      ) : (
        <ul class="sl-error-text" role="alert">
          {status?.errors.map((e, i) => <li key={i}>{e}</li>)}
          <li>Until this is fixed, messages are judged with the generic profile.</li>
        </ul>
      )}
      <div class="sl-form-actions">
        <button type="button" onClick={() => saveTextFile(exportProfile(doc), `${(doc.name || 'profile').replace(/[^A-Za-z0-9._-]+/g, '-')}.json`, 'application/json')}>
          Export JSON
        </button>
        <button type="button" onClick={() => onChange(undefined)}>
          Stop using this profile
        </button>
      </div>
    </div>
  );
}
