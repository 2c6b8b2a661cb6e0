import { REDACTION_PROFILES, type RedactionProfile } from '../engine';

/** The redaction profile radio group shared by the export and report dialogs. */
export function RedactionChoice(props: { name: string; value: RedactionProfile; onChange: (profile: RedactionProfile) => void }) {
  return (
    <fieldset>
      <legend>Redaction</legend>
      {REDACTION_PROFILES.map((p) => (
        <label key={p.id} class="sl-check">
          <input type="radio" name={props.name} value={p.id} checked={props.value === p.id} onChange={() => props.onChange(p.id)} />
          <span>
            <span class="sl-emph">{p.title}</span> <span class="sl-muted">{p.description}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
