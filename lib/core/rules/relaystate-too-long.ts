import type { CheckRule } from './rule';

const LIMIT = 80;

export const relaystateTooLong: CheckRule = {
  slug: 'relaystate-too-long',
  severity: 'warning',
  title: 'RelayState longer than 80 bytes',
  why: 'The SAML bindings cap RelayState at 80 bytes. Many IdPs and SPs accept longer values, but some truncate or reject them, which breaks the redirect back to the page the user wanted, or the login itself, only for long URLs.',
  fix: {
    general: 'Make the SP store the target URL server-side and send a short opaque reference as RelayState.',
  },
  spec: 'saml-bindings §3.4.3 and §3.5.3 (RelayState)',
  check(ctx) {
    const relay = ctx.message.relayState;
    if (relay === undefined) return [];
    const bytes = new TextEncoder().encode(relay).length;
    if (bytes <= LIMIT) return [];
    return [{ message: `RelayState is ${bytes} bytes long; the SAML bindings allow at most ${LIMIT}, and some IdPs and SPs truncate or reject longer values.` }];
  },
};
