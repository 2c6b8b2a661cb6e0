import type { AssertionView, MessageReport, SignatureVerdict } from '../../core/model';
import { SIGNATURE_STATUS_LABEL, formatFingerprint, urnTail } from '../state/labels';
import { validityWindowText } from '../state/time-window';
import type { ComponentChildren } from 'preact';

export interface TimeReference {
  /** ISO instant the validity windows are judged against (undefined: unknown). */
  at?: string;
  /** How to call it in a sentence: 'capture', 'now', 'the chosen time'. */
  name: string;
}

function Field({ label, children, title }: { label: string; children: ComponentChildren; title?: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd title={title}>{children}</dd>
    </>
  );
}

function Window({ label, from, until, time }: { label: string; from?: string; until?: string; time: TimeReference }) {
  if (from === undefined && until === undefined) return null;
  const w = validityWindowText(from, until, time.at, time.name);
  return (
    <Field label={label} title={`NotBefore ${from ?? '—'} / NotOnOrAfter ${until ?? '—'}`}>
      <span class={`sl-window sl-window-${w.state}`}>{w.text}</span>
    </Field>
  );
}

/** The assertion a person cares about: the one in the expected place, else the first one. */
export function mainAssertion(m: MessageReport): AssertionView | undefined {
  const all = m.view?.assertions ?? [];
  return all.find((a) => a.expectedPlace) ?? all[0];
}

/**
 * A verdict marked `captured` is what the file said was found before redaction (the signed bytes changed since):
 * a claim of whoever made the file, shown as such and never as valid.
 */
export function SignatureList({ signatures }: { signatures: SignatureVerdict[] }) {
  if (signatures.length === 0) return <p class="sl-none">No signature.</p>;
  return (
    <ul class="sl-sigs">
      {signatures.map((s, i) => {
        const cert = s.verifiedWith ?? s.keyInfoCertificate;
        return (
          <li key={i} class={`sl-sig sl-sig-${s.status}`}>
            <div>
              {s.captured ? (
                <span
                  class="sl-captured-mark"
                  title="The message was redacted on export, which changes signed bytes: this is what the file says was found at capture, a claim of whoever made it, not verified here."
                >
                  as captured
                </span>
              ) : null}
              {/* A claim says nothing "intact" about the bytes here: its status reads as what it is. */}
              <span class={`sl-sig-status sl-sig-status-${s.status}`}>{s.captured ? 'not verified here' : SIGNATURE_STATUS_LABEL[s.status]}</span>{' '}
              <span class="sl-sig-target">
                {s.form === 'redirect-query' ? 'query string signature' : `${s.targetKind} signature`} ({s.target})
              </span>
              {s.signatureAlgorithm ? <span class="sl-sig-alg" title={s.signatureAlgorithm}> · {urnTail(s.signatureAlgorithm.replace(/^.*#/, ':'))}</span> : null}
            </div>
            <div class="sl-sig-reason">{s.reason}</div>
            {s.certificateSha256 ? (
              <div class="sl-fp">
                SHA-256 {s.verifiedWith ? 'of the trusted certificate' : 'of the certificate in the message'}:{' '}
                <code>{formatFingerprint(s.certificateSha256)}</code>
              </div>
            ) : null}
            {cert?.subject ? <div class="sl-cert-subject">Subject: {cert.subject}{cert.notAfter ? ` · expires ${cert.notAfter}` : ''}</div> : null}
          </li>
        );
      })}
    </ul>
  );
}

export function AttributesTable({ attributes }: { attributes: MessageReport['attributes'] }) {
  if (attributes.length === 0) return <p class="sl-none">No attributes.</p>;
  return (
    <table class="sl-table sl-attrs">
      <thead>
        <tr>
          <th>Name</th>
          <th>Values</th>
        </tr>
      </thead>
      <tbody>
        {attributes.map((a, i) => (
          <tr key={i}>
            <td title={a.nameFormat}>{a.name}</td>
            <td>
              {a.values.map((v, j) => (
                <div key={j} class="sl-attr-value">{v}</div>
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function SummaryCard({ m, time }: { m: MessageReport; time: TimeReference }) {
  const a = mainAssertion(m);
  const req = m.view?.request;
  const encrypted = m.view?.encryptedAssertions.length ?? 0;
  const audiences = a?.conditions?.audiences ?? [];
  return (
    <section class="sl-card">
      {m.status ? (
        <div class={`sl-status ${m.status.code?.endsWith(':Success') ? 'sl-status-ok' : 'sl-status-bad'}`}>
          <strong>Status: {urnTail(m.status.code) || '(none)'}</strong>
          {m.status.subCodes.map((c, i) => (
            <span key={i}> / {urnTail(c)}</span>
          ))}
          {m.status.message ? <div>“{m.status.message}”</div> : null}
          {m.status.explanation && !m.status.code?.endsWith(':Success') ? <div class="sl-status-expl">{m.status.explanation}</div> : null}
        </div>
      ) : null}
      <dl class="sl-fields">
        {m.issuer !== undefined ? <Field label="Issuer">{m.issuer}</Field> : null}
        {m.nameId ? (
          <Field label="NameID" title={m.nameId.format}>
            {m.nameId.value}
            {m.nameId.format ? <span class="sl-muted"> ({urnTail(m.nameId.format)})</span> : null}
          </Field>
        ) : a?.encryptedNameId ? (
          <Field label="NameID">encrypted (EncryptedID)</Field>
        ) : null}
        {audiences.length > 0 ? <Field label="Audience">{audiences.map((x) => (x === '' ? '(empty)' : x)).join(', ')}</Field> : null}
        {m.destination !== undefined ? <Field label="Destination">{m.destination}</Field> : null}
        {a?.confirmations[0]?.recipient ? <Field label="Recipient">{a.confirmations[0].recipient}</Field> : null}
        {m.id !== undefined ? <Field label="ID">{m.id}</Field> : null}
        {m.inResponseTo !== undefined ? <Field label="InResponseTo">{m.inResponseTo}</Field> : null}
        {m.path !== undefined ? <Field label="Message at">{m.path}</Field> : null}
        <Window label="Conditions" from={a?.conditions?.notBefore} until={a?.conditions?.notOnOrAfter} time={time} />
        {a?.confirmations.map((c, i) => (
          <Window key={i} label="Confirmation" from={c.notBefore} until={c.notOnOrAfter} time={time} />
        ))}
        {a?.authn?.sessionNotOnOrAfter ? <Window label="Session" until={a.authn.sessionNotOnOrAfter} time={time} /> : null}
        {req?.assertionConsumerServiceUrl ? <Field label="ACS URL">{req.assertionConsumerServiceUrl}</Field> : null}
        {req?.protocolBinding ? <Field label="Binding asked" title={req.protocolBinding}>{urnTail(req.protocolBinding)}</Field> : null}
        {req?.nameIdPolicyFormat ? <Field label="NameID policy" title={req.nameIdPolicyFormat}>{urnTail(req.nameIdPolicyFormat)}</Field> : null}
        {req?.forceAuthn || req?.isPassive ? <Field label="Flags">{[req.forceAuthn ? 'ForceAuthn' : '', req.isPassive ? 'IsPassive' : ''].filter(Boolean).join(', ')}</Field> : null}
        {encrypted > 0 ? <Field label="Encrypted">{`${encrypted} encrypted assertion(s)`}</Field> : null}
        {m.relayState !== undefined ? <Field label="RelayState">{m.relayState}</Field> : null}
        {m.artifact ? (
          <Field label="Artifact">
            type {m.artifact.typeCode}, endpoint {m.artifact.endpointIndex}, source {m.artifact.matchedEntityId ?? m.artifact.sourceId}
          </Field>
        ) : null}
      </dl>
      <h4>Signatures</h4>
      <SignatureList signatures={m.signatures} />
      {m.kind === 'Response' || m.attributes.length > 0 ? (
        <>
          <h4>Attributes</h4>
          <AttributesTable attributes={m.attributes} />
        </>
      ) : null}
    </section>
  );
}
