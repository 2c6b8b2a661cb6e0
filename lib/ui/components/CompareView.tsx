import { useMemo, useState } from 'preact/hooks';
import type { MessageReport, Report } from '../../core/model';
import { compareReports, comparisonReport, comparisonView, REDACTION_PROFILES, type Comparison, type RedactionProfile, type RuleMeta } from '../engine';
import type { CompareRequest } from '../state/compare';
import { CopyButton } from './CopyButton';
import { SeverityBadge } from './SeverityBadge';
import '../styles/compare.css';

type Lookup = (slug: string) => RuleMeta | undefined;

function Values({ lines, detail }: { lines: string[]; detail?: string }) {
  return (
    <td>
      {lines.length ? lines.map((l, i) => <div key={i} class="sl-cmp-value">{l}</div>) : <span class="sl-none">none</span>}
      {detail ? <div class="sl-muted sl-cmp-detail">{detail}</div> : null}
    </td>
  );
}

/** The comparison itself, hook-free: differences first (two columns), the findings they explain under each. */
export function ComparisonBody({ comparison, lookup }: { comparison: Comparison; lookup: Lookup }) {
  const v = comparisonView(comparison);
  const explained = (f: { explained: boolean }) => f.explained;
  return (
    <>
      <p class={`sl-status ${v.matters ? 'sl-status-bad' : 'sl-status-ok'} sl-cmp-headline`} role="status">
        <strong>What matters most: </strong>
        {v.headline}
      </p>
      <dl class="sl-fields sl-cmp-sides">
        {v.sides.map((s) => [<dt key={`${s.name}t`}>{s.name}</dt>, <dd key={`${s.name}d`}>{s.text}</dd>])}
      </dl>
      <p class="sl-muted">{v.judged}</p>
      {v.notes.map((n, i) => (
        <p key={i} class="sl-note sl-cmp-note">
          {n}
        </p>
      ))}
      <section class="sl-section">
        <h3>{v.tally}</h3>
        {v.differences.length ? (
          <table class="sl-table sl-cmp-table">
            <thead>
              <tr>
                <th>What</th>
                <th>A</th>
                <th>B</th>
              </tr>
            </thead>
            <tbody>
              {v.differences.map((d, i) => [
                <tr key={`d${i}`} class={`sl-cmp-${d.importance}`}>
                  <th>
                    <span class={`sl-badge sl-cmp-badge sl-cmp-badge-${d.importance}`}>{d.importance}</span> {d.label}
                    <div class="sl-muted">{d.change}</div>
                  </th>
                  <Values lines={d.a} detail={d.detail?.a} />
                  <Values lines={d.b} detail={d.detail?.b} />
                </tr>,
                d.explains.length ? (
                  <tr key={`e${i}`} class="sl-cmp-explains">
                    <td colSpan={3}>
                      <ul class="sl-findings">
                        {d.explains.map((f, j) => (
                          <li key={j} class={`sl-finding sl-finding-${f.severity}`}>
                            <div class="sl-finding-head">
                              <span class="sl-muted">explains, on {f.side}:</span>
                              <SeverityBadge severity={f.severity} />
                              <code class="sl-slug">{f.rule}</code>
                              <span class="sl-finding-title">{lookup(f.rule)?.title ?? ''}</span>
                            </div>
                            {f.repeat ? null : <p class="sl-finding-msg">{f.message}</p>}
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ) : null,
              ])}
            </tbody>
          </table>
        ) : (
          <p class="sl-none">Nothing that SAML Lens compares differs.</p>
        )}
      </section>
      {(['A', 'B'] as const).map((side) => {
        const list = side === 'A' ? v.onlyA : v.onlyB;
        return (
          <section class="sl-section" key={side}>
            <h3>Findings only in {side}</h3>
            {list.length ? (
              <ul class="sl-findings">
                {list.map((f, i) => (
                  <li key={i} class={`sl-finding sl-finding-${f.severity}`}>
                    <div class="sl-finding-head">
                      <SeverityBadge severity={f.severity} />
                      <code class="sl-slug">{f.rule}</code>
                      <span class="sl-finding-title">{lookup(f.rule)?.title ?? ''}</span>
                      <span class="sl-grow" />
                      <span class="sl-muted">{f.in}</span>
                    </div>
                    {explained(f) ? <p class="sl-muted">Explained by a difference above.</p> : <p class="sl-finding-msg">{f.message}</p>}
                  </li>
                ))}
              </ul>
            ) : (
              <p class="sl-none">None.</p>
            )}
          </section>
        );
      })}
      {comparison.same.length ? (
        <details class="sl-section sl-cmp-same">
          <summary>Same on both sides ({comparison.same.length})</summary>
          <table class="sl-table sl-pairs">
            <tbody>
              {comparison.same.map((s, i) => (
                <tr key={i}>
                  <th>{s.message ? `${s.message} › ${s.label}` : s.label}</th>
                  <Values lines={Array.isArray(s.value) ? s.value : [s.value]} />
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}
    </>
  );
}

function messagesOf(report: Report, picked: Comparison['a']): MessageReport[] {
  return picked.messages.flatMap(({ index }) => report.messages.filter((m) => m.index === index));
}

export interface CompareViewProps {
  request: CompareRequest;
  lookup: Lookup;
  onSwap: () => void;
  onClose: () => void;
}

/** "Compare with…": two logins side by side, the difference that explains a failure first. */
export function CompareView({ request, lookup, onSwap, onClose }: CompareViewProps) {
  const [force, setForce] = useState(false);
  const [profile, setProfile] = useState<RedactionProfile>('support');
  const outcome = useMemo(() => compareReports(request.a, request.b, { allowUnrelated: force }), [request, force]);
  const c = outcome.comparison;
  return (
    <article class="sl-detail-inner sl-compare" aria-label="Comparison">
      <header class="sl-detail-head">
        <h2>
          Comparison <span class="sl-muted">A: {request.a.input} · B: {request.b.input}</span>
        </h2>
        <div class="sl-actions sl-cmp-actions">
          <button type="button" onClick={onSwap}>
            Swap A and B
          </button>
          {c ? (
            <>
              <CopyButton label="Copy as Markdown" text={() => comparisonReport(c, profile, [...messagesOf(request.a.report, c.a), ...messagesOf(request.b.report, c.b)])} />
              <label class="sl-check">
                redaction{' '}
                <select value={profile} onChange={(e) => setProfile((e.target as HTMLSelectElement).value as RedactionProfile)} aria-label="Redaction of the copied report">
                  {REDACTION_PROFILES.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.id}
                    </option>
                  ))}
                </select>
              </label>
            </>
          ) : null}
          <button type="button" class="sl-cmp-close" onClick={onClose}>
            Close comparison
          </button>
        </div>
      </header>
      {c ? (
        <ComparisonBody comparison={c} lookup={lookup} />
      ) : (
        <div class="sl-status sl-status-bad sl-cmp-problem" role="alert">
          {outcome.problem?.message}
          {outcome.problem?.reason === 'unrelated' ? (
            <div>
              <button type="button" onClick={() => setForce(true)}>
                Compare anyway
              </button>
            </div>
          ) : null}
        </div>
      )}
    </article>
  );
}
