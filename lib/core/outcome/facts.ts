import type { ExtractedMessage, SamlView, TraceEntry } from '../model';
import type { RequestFacts } from '../idp/error-pages';
import { sentToUrl } from '../flow/url';

/** What an AuthnRequest asked for, for causes and fixes that name the request's own values. */
export function requestFacts(entry: TraceEntry, message: ExtractedMessage, view: SamlView | undefined): RequestFacts {
  const req = view?.request;
  const facts: RequestFacts = {
    authnContext: req?.requestedAuthnContext ?? [],
    signed: !!message.redirectSignature?.signature || (view?.signatures.length ?? 0) > 0,
    binding: message.binding,
  };
  const set = <K extends keyof RequestFacts>(key: K, value: RequestFacts[K] | undefined) => {
    if (value !== undefined && value !== '') facts[key] = value;
  };
  set('issuer', view?.issuer);
  set('acsUrl', req?.assertionConsumerServiceUrl);
  set('acsIndex', req?.assertionConsumerServiceIndex);
  set('protocolBinding', req?.protocolBinding);
  set('nameIdPolicy', req?.nameIdPolicyFormat);
  set('forceAuthn', req?.forceAuthn);
  set('isPassive', req?.isPassive);
  set('destination', view?.destination);
  set('sentTo', sentToUrl(entry.url));
  return facts;
}

/** A URL for a sentence: a Redirect URL's query is kilobytes of SAMLRequest. */
export function shortUrl(url: string): string {
  const q = url.indexOf('?');
  return q >= 0 && url.length > 120 ? `${url.slice(0, q)}?…` : url;
}
