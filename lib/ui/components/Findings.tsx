import type { Finding } from '../../core/model';
import type { RuleMeta } from '../engine';
import { orderFindings } from '../state/severity';
import { SeverityBadge } from './SeverityBadge';

const IDPS: Array<{ key: 'entra' | 'okta' | 'adfs'; name: string }> = [
  { key: 'entra', name: 'Microsoft Entra ID' },
  { key: 'okta', name: 'Okta' },
  { key: 'adfs', name: 'AD FS' },
];

/** Plain text with line breaks kept: rule texts use separate lines for steps. */
function Lines({ text }: { text: string }) {
  return <div class="sl-lines">{text}</div>;
}

export function FixView({ rule }: { rule: RuleMeta }) {
  return (
    <div class="sl-fix">
      <div class="sl-fix-general">
        <strong>How to fix: </strong>
        <Lines text={rule.fix.general} />
      </div>
      {IDPS.map(({ key, name }) => {
        const text = rule.fix[key];
        return text ? (
          <details class="sl-fix-idp" key={key}>
            <summary>{name}</summary>
            <Lines text={text} />
          </details>
        ) : null;
      })}
    </div>
  );
}

export function FindingCard({ finding, rule, onLocate }: { finding: Finding; rule?: RuleMeta; onLocate?: (location: string) => void }) {
  return (
    <li class={`sl-finding sl-finding-${finding.severity}`}>
      <div class="sl-finding-head">
        <SeverityBadge severity={finding.severity} />
        <code class="sl-slug">{finding.rule}</code>
        {rule ? <span class="sl-finding-title">{rule.title}</span> : null}
        <span class="sl-grow" />
        {finding.location && onLocate ? (
          <button type="button" class="sl-link" onClick={() => onLocate(finding.location as string)} title={finding.location}>
            Show in XML
          </button>
        ) : null}
      </div>
      <p class="sl-finding-msg">{finding.message}</p>
      {rule ? (
        // Errors and warnings are what a person came for: their explanation is open; infos stay compact.
        <details class="sl-explain" open={finding.severity !== 'info'}>
          <summary>Why it matters and how to fix it</summary>
          <div class="sl-why">
            <strong>Why it matters: </strong>
            <Lines text={rule.why} />
          </div>
          <FixView rule={rule} />
          {rule.spec ? <div class="sl-spec">Spec: {rule.spec}</div> : null}
        </details>
      ) : null}
    </li>
  );
}

export interface FindingsProps {
  findings: Finding[];
  lookup: (slug: string) => RuleMeta | undefined;
  onLocate?: (location: string) => void;
  /** Shown when there is nothing to say, e.g. "No problems found in this message." */
  empty?: string;
}

export function Findings({ findings, lookup, onLocate, empty = 'No problems found.' }: FindingsProps) {
  if (findings.length === 0) return <p class="sl-none sl-no-findings">{empty}</p>;
  return (
    <ul class="sl-findings">
      {orderFindings(findings).map((f, i) => (
        <FindingCard key={`${f.rule}:${i}`} finding={f} rule={lookup(f.rule)} onLocate={onLocate} />
      ))}
    </ul>
  );
}
