import { render } from 'preact';
import { SettingsOfferBanner } from '../ui/components/SettingsOfferBanner';
import { applyOffer, dismissOffer, settingsOfferItem, type SettingsOffer } from './settings-offer';

/** The settings page shows a pending offer above the settings until the person applies or dismisses it. */
export function mountOfferBanner(host: HTMLElement): void {
  const show = (offer: SettingsOffer | null) =>
    render(
      offer ? (
        <SettingsOfferBanner offer={offer} onApply={() => void applyOffer(offer).then(() => location.reload())} onDismiss={() => void dismissOffer()} />
      ) : null,
      host,
    );
  void settingsOfferItem.getValue().then(show);
  settingsOfferItem.watch(show);
}
