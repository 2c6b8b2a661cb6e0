import { useEffect, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import type { MessageReport, TraceEntry, Verdict as VerdictData } from '../../core/model';
import type { IdpProduct, RuleMeta } from '../engine';
import { directionLabel, timeOfDay } from '../state/labels';
import { Findings } from './Findings';
import { SummaryCard, type TimeReference } from './SummaryCard';
import { XmlView, RawView } from './XmlView';
import { HttpView, DecodeSteps } from './HttpView';
import { Verdict } from './Verdict';

type Tab = 'xml' | 'raw' | 'http' | 'decode';
const TABS: Array<{ id: Tab; label: string }> = [
  { id: 'xml', label: 'XML' },
  { id: 'raw', label: 'Raw' },
  { id: 'decode', label: 'Decoding' },
  { id: 'http', label: 'HTTP' },
];

export interface MessageDetailProps {
  m: MessageReport;
  entry?: TraceEntry;
  time: TimeReference;
  lookup: (slug: string) => RuleMeta | undefined;
  /** The IdP of this message (or its flow); its fixes are shown first. */
  idp?: IdpProduct;
  /** Extra buttons for the header (export, copy as Markdown...). */
  actions?: ComponentChildren;
  /** The verdict of this message's flow, shown first. */
  verdict?: VerdictData;
}

export function MessageDetail({ m, entry, time, lookup, idp, actions, verdict }: MessageDetailProps) {
  const [tab, setTab] = useState<Tab>('xml');
  const [hl, setHl] = useState<{ location?: string; seq: number }>({ seq: 0 });
  useEffect(() => setHl({ seq: 0 }), [m]);
  const locate = (location: string) => {
    setTab('xml');
    setHl((h) => ({ location, seq: h.seq + 1 }));
  };
  return (
    <article class="sl-detail-inner" aria-label={`${m.kind} details`}>
      <Verdict verdict={verdict} />
      <header class="sl-detail-head">
        <h2>
          {m.kind} <span class="sl-muted">{[directionLabel(m.direction), m.binding, timeOfDay(m.capturedAt)].filter(Boolean).join(' · ')}</span>
        </h2>
        {m.url ? (
          <div class="sl-break sl-muted">
            {m.method} {m.url}
          </div>
        ) : null}
        {actions ? <div class="sl-actions">{actions}</div> : null}
      </header>
      {entry?.redacted ? (
        <p class="sl-banner sl-trace sl-redacted-note" role="note">
          {m.signatures.some((s) => s.captured) ? (
            <>
              <span class="sl-captured-mark">as captured, not verified here</span> Values were replaced on export, which changes signed bytes: the
              signatures shown are what the file says was found at capture, before redaction. That is a claim of whoever made the file, not a check
              made here.
            </>
          ) : (
            <>The file marks this request as redacted on export; its signatures were checked here as they are.</>
          )}
        </p>
      ) : null}
      <section class="sl-section">
        <h3>Findings</h3>
        <Findings findings={m.findings} lookup={lookup} idp={idp} onLocate={m.xml ? locate : undefined} empty="No problems found in this message." />
      </section>
      <section class="sl-section">
        <h3>Summary</h3>
        <SummaryCard m={m} time={time} />
      </section>
      <section class="sl-section">
        <div class="sl-tabs" role="tablist">
          {TABS.map((t) => (
            <button key={t.id} type="button" role="tab" aria-selected={tab === t.id} class={tab === t.id ? 'sl-tab sl-tab-on' : 'sl-tab'} onClick={() => setTab(t.id)}>
              {t.label}
            </button>
          ))}
        </div>
        {tab === 'xml' ? (
          m.xml !== undefined ? <XmlView xml={m.xml} highlight={hl.location} highlightSeq={hl.seq} /> : <p class="sl-none">No XML (the message could not be decoded, or only an artifact travelled through the browser).</p>
        ) : tab === 'raw' ? (
          m.xml !== undefined ? <RawView xml={m.xml} /> : <p class="sl-none">No decoded bytes.</p>
        ) : tab === 'decode' ? (
          <DecodeSteps m={m} />
        ) : (
          <HttpView entry={entry} message={m} />
        )}
      </section>
    </article>
  );
}

export function EntryDetail({ entry }: { entry: TraceEntry }) {
  return (
    <article class="sl-detail-inner" aria-label="Request details">
      <header class="sl-detail-head">
        <h2>
          Other request <span class="sl-muted">· {timeOfDay(entry.capturedAt)} · no SAML message</span>
        </h2>
      </header>
      <HttpView entry={entry} />
    </article>
  );
}
