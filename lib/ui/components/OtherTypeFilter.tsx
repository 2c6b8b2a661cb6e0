import { REQUEST_TYPES, REQUEST_TYPE_LABEL, type RequestType } from '../engine';
import { chooseTypes } from '../state/rows';

export interface OtherTypeFilterProps {
  types: readonly RequestType[];
  onTypes: (types: RequestType[]) => void;
  counts: Record<RequestType, number>;
}

/** DevTools' type buttons for the requests around the SAML messages: one type, or several with Ctrl/Cmd. */
export function OtherTypeFilter({ types, onTypes, counts }: OtherTypeFilterProps) {
  const all = REQUEST_TYPES.reduce((n, t) => n + counts[t], 0);
  return (
    <div class="sl-typebar" role="toolbar" aria-label="Request types" title="Ctrl-click (Cmd-click) to choose several types">
      <button type="button" class="sl-type" data-type="all" aria-pressed={types.length === 0} onClick={() => onTypes(chooseTypes(types, 'all', false))}>
        All <span class="sl-type-count">{all}</span>
      </button>
      {REQUEST_TYPES.map((t) => (
        <button
          key={t}
          type="button"
          class="sl-type"
          data-type={t}
          aria-pressed={types.includes(t)}
          onClick={(e) => onTypes(chooseTypes(types, t, e.ctrlKey || e.metaKey))}
        >
          {REQUEST_TYPE_LABEL[t]} <span class="sl-type-count">{counts[t]}</span>
        </button>
      ))}
    </div>
  );
}
