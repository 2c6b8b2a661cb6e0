import type { Finding } from '../../core/model';
import { findingFixSource, fixFor, type IdpProduct, type RuleMeta } from '../engine';
import { orderFindings } from '../state/severity';
import { SeverityBadge } from './SeverityBadge';

/** Plain text with line breaks kept: rule texts use separate lines for steps. */
function Lines({ text }: { text: string }) {
  return <div class="sl-lines">{text}</div>;
}

/** The recognised IdP's fix open; the general fix and the other IdPs behind one disclosure (order from the core). */
export function FixView({ rule, finding, idp }: { rule: RuleMeta; finding: Finding; idp?: IdpProduct }) {
  const fix = fixFor(findingFixSource(finding) ?? rule.fix, idp);
  return (
    <div class="sl-fix">
      <div class={`sl-fix-first sl-fix-${fix.first.product}`}>
        <strong>{fix.first.product === 'general' ? 'How to fix: ' : `How to fix on ${fix.first.name}: `}</strong>
        <Lines text={fix.first.text} />
      </div>
      {fix.others.length ? (
        <details class="sl-fix-others">
          <summary>{fix.othersLabel}</summary>
          {fix.others.map((e) => (
            <div class={`sl-fix-idp sl-fix-${e.product}`} key={e.product}>
              <strong>{e.name}</strong>
              <Lines text={e.text} />
            </div>
          ))}
        </details>
      ) : null}
    </div>
  );
}

export function FindingCard({ finding, rule, idp, onLocate, consequences = [] }: { finding: Finding; rule?: RuleMeta; idp?: IdpProduct; onLocate?: (location: string) => void; consequences?: Finding[] }) {
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
      {consequences.length ? (
        // What the same cause also broke, told under it rather than as findings of their own (one cause, one card).
        <ul class="sl-consequences">
          {consequences.map((k, i) => (
            <li key={`${k.rule}:${i}`}>
              Also <code class="sl-slug">{k.rule}</code> ({k.severity}), same cause: {k.message}
            </li>
          ))}
        </ul>
      ) : null}
      {rule && finding.severity !== 'info' ? (
        // Errors and warnings are what a person came for: the fix first, in view without a click (a docked panel is short).
        <>
          <FixView rule={rule} finding={finding} idp={idp} />
          <details class="sl-explain">
            <summary>Why it matters{rule.spec ? ' (and the spec)' : ''}</summary>
            <div class="sl-why">
              <Lines text={rule.why} />
            </div>
            {rule.spec ? <div class="sl-spec">Spec: {rule.spec}</div> : null}
          </details>
        </>
      ) : rule ? (
        // Infos stay compact.
        <details class="sl-explain">
          <summary>Why it matters and how to fix it</summary>
          <div class="sl-why">
            <strong>Why it matters: </strong>
            <Lines text={rule.why} />
          </div>
          <FixView rule={rule} finding={finding} idp={idp} />
          {rule.spec ? <div class="sl-spec">Spec: {rule.spec}</div> : null}
        </details>
      ) : null}
    </li>
  );
}

export interface FindingsProps {
  findings: Finding[];
  lookup: (slug: string) => RuleMeta | undefined;
  /** The IdP the findings are about; its own fix is shown first. Absent or unknown: the general fix. */
  idp?: IdpProduct;
  onLocate?: (location: string) => void;
  /** Shown when there is nothing to say, e.g. "No problems found in this message." */
  empty?: string;
}

export function Findings({ findings, lookup, idp, onLocate, empty = 'No problems found.' }: FindingsProps) {
  if (findings.length === 0) return <p class="sl-none sl-no-findings">{empty}</p>;
  // A finding that repeats another's cause (core verdict grouping: causedBy) goes under that cause's card.
  const causes = new Set(findings.filter((f) => !f.causedBy).map((f) => f.rule));
  const shown = findings.filter((f) => !f.causedBy || !causes.has(f.causedBy));
  return (
    <ul class="sl-findings">
      {orderFindings(shown).map((f, i) => (
        <FindingCard
          key={`${f.rule}:${i}`}
          finding={f}
          rule={lookup(f.rule)}
          idp={idp}
          onLocate={onLocate}
          consequences={f.causedBy ? [] : findings.filter((k) => k.causedBy === f.rule)}
        />
      ))}
    </ul>
  );
}
