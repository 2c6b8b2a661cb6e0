import browser from 'webextension-polyfill';
import { storage } from 'wxt/utils/storage';
import { OFFER_MESSAGE, readOffer, type SettingsOffer } from './offer-read';
import { getSettings, setSettings } from './settings';

export { OFFER_MESSAGE, type SettingsOffer };

export const settingsOfferItem = storage.defineItem<SettingsOffer | null>('session:settingsOffer', { fallback: null });

/** Background: keep a page's offer and open the settings page where the person decides. */
export function listenForOffers(): void {
  const external = (browser.runtime as { onMessageExternal?: typeof browser.runtime.onMessage }).onMessageExternal;
  external?.addListener((message: unknown, sender: { url?: string }) => {
    const offer = readOffer(message, sender.url);
    if (!offer) return Promise.resolve({ ok: false });
    return settingsOfferItem
      .setValue(offer)
      .then(() => browser.runtime.openOptionsPage())
      .then(() => ({ ok: true }));
  });
}

export async function applyOffer(offer: SettingsOffer): Promise<void> {
  await setSettings({ ...(await getSettings()), ...offer.settings });
  await settingsOfferItem.removeValue();
}

export async function dismissOffer(): Promise<void> {
  await settingsOfferItem.removeValue();
}
