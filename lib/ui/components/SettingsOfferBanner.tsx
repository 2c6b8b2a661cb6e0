import { parseCertificates } from '../../core/signature/certificates';

/** What a page on this machine offered (see lib/extension/settings-offer.ts); shown as text, applied only on click. */
export interface OfferedSettings {
  origin: string;
  settings: {
    profile?: string;
    idpEntityId?: string;
    spEntityId?: string;
    acsUrl?: string;
    accountSid?: string;
    trustedCertificates?: string[];
  };
}

export interface SettingsOfferBannerProps {
  offer: OfferedSettings;
  /** Replaces "<origin> offers settings for SAML Lens" (a file's settings are offered too). */
  heading?: string;
  /** Replaces the advice under the heading. */
  intro?: string;
  /** Further lines about what would be applied (metadata, profile document...). */
  more?: string[];
  onApply(): void;
  onDismiss(): void;
}

const LABELS: Array<[keyof Omit<OfferedSettings['settings'], 'trustedCertificates'>, string]> = [
  ['profile', 'Profile'],
  ['idpEntityId', 'Expected IdP entity ID'],
  ['spEntityId', 'SP entity ID'],
  ['acsUrl', 'ACS URL'],
  ['accountSid', 'Account SID'],
];

/** One line per certificate: its subject and SHA-256 fingerprint, so a person sees which key they would trust. */
function certificateLines(pems: string[]): string[] {
  return pems.flatMap((pem) => {
    const { certs } = parseCertificates(pem, 'offer');
    return certs.length
      ? certs.map((c) => `${c.info.subject || 'certificate'} (SHA-256 ${c.info.sha256.slice(0, 23)}…)`)
      : ['a text that is not a certificate (it will be reported when applied)'];
  });
}

export function SettingsOfferBanner({ offer, onApply, onDismiss, heading, intro, more = [] }: SettingsOfferBannerProps) {
  const certs = certificateLines(offer.settings.trustedCertificates ?? []);
  return (
    <section class="sl-offer" role="region" aria-label="Settings offered by a page">
      <h2>{heading ?? `${offer.origin} offers settings for SAML Lens`}</h2>
      <p>{intro ?? 'Nothing has changed yet. Apply them only if you started this from a page you trust on this machine.'}</p>
      <dl>
        {LABELS.filter(([field]) => offer.settings[field]).map(([field, label]) => (
          <>
            <dt>{label}</dt>
            <dd>
              <code>{offer.settings[field]}</code>
            </dd>
          </>
        ))}
        {certs.length > 0 && (
          <>
            <dt>Trusted IdP certificate{certs.length > 1 ? 's' : ''}</dt>
            {certs.map((line) => (
              <dd key={line}>{line}</dd>
            ))}
          </>
        )}
        {more.length > 0 && (
          <>
            <dt>Also</dt>
            {more.map((line) => (
              <dd key={line}>{line}</dd>
            ))}
          </>
        )}
      </dl>
      <div class="sl-offer-actions">
        <button type="button" class="sl-offer-apply" onClick={onApply}>
          Apply these settings
        </button>
        <button type="button" onClick={onDismiss}>
          Dismiss
        </button>
      </div>
    </section>
  );
}
