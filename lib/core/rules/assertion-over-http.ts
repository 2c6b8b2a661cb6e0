import type { CheckRule } from './rule';
import { rootPath } from './context';
import { destinationMismatch } from './destination-mismatch';

// Hosts a browser counts as potentially trustworthy over plain HTTP (Secure Contexts §3.1): a developer's own
// machine, where an http:// ACS is the normal way to test and nothing crosses a network.
// https://w3c.github.io/webappsec-secure-contexts/#is-origin-trustworthy
const LOOPBACK = /^(?:localhost|[^/]*\.localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** The host of an http:// URL that is not the local machine; undefined for https, loopback or no URL. */
function remoteHttpHost(url: string | undefined): string | undefined {
  const host = url && /^\s*http:\/\/(\[[^\]]*\]|[^/:?#\s]+)/i.exec(url)?.[1];
  return host && !LOOPBACK.test(host) ? host : undefined;
}

// Chrome stops a form on an https page that posts to http:// with a full-page warning before it sends it:
// https://blog.chromium.org/search/label/insecure%20forms ("mixed forms", Chrome 87), as the Mixed Content
// specification lets browsers do: https://w3c.github.io/webappsec-mixed-content/#requirements-forms
export const assertionOverHttp: CheckRule = {
  slug: 'assertion-over-http',
  severity: 'warning',
  title: 'Assertion sent over plain HTTP',
  why: 'An assertion is a bearer token: whoever holds it can sign in as the user until it expires. Posted to an http:// ACS URL, it crosses the network unencrypted, so anyone who can read the traffic (public Wi-Fi, a proxy, a compromised router) can take it and the personal data in it. Chrome also stops the IdP\'s https page before it posts to an http:// address, with a full-page warning that the information is not secure, so users see a warning page, or a sign-in that seems to hang, instead of the application.',
  fix: {
    ...destinationMismatch.fix,
    general:
      "Serve the SP's ACS URL over HTTPS (a TLS certificate on its host), then configure the IdP with the https:// ACS URL, exactly as the SP's metadata or set-up page gives it. An http:// ACS URL is only for testing on localhost.",
  },
  spec: 'saml-bindings §3.5.5.2; saml-sec-consider §7.1.1.1, §7.1.1.3',
  check(ctx) {
    const view = ctx.view;
    if (!view || view.assertions.length + view.encryptedAssertions.length === 0) return [];
    // Where it was captured going; for a pasted message, where its sender meant it to go.
    const target = ctx.flow.sentUrl ?? (ctx.message.binding === 'Pasted' ? view.destination : undefined);
    const host = remoteHttpHost(target);
    if (!host) return [];
    const sent = ctx.flow.sentUrl !== undefined;
    const what = sent
      ? `was sent to "${target}", plain HTTP on ${host}: the assertion crossed the network unencrypted, and anyone who read it can sign in as the user until it expires.`
      : `is addressed to (Destination) "${target}", plain HTTP on ${host}: posted there, the assertion crosses the network unencrypted, and anyone who reads it can sign in as the user until it expires.`;
    return [
      {
        message: `This ${view.kind} carries an assertion and ${what}`,
        location: rootPath(view),
      },
    ];
  },
};
