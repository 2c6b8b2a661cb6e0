import type { AssertionView, ExtractedMessage, ParsedSaml, SamlView, SignatureVerdict, TraceEntry } from '../model';
import type { Profile, ResolvedExpectations } from '../profiles';
import type { FlowContext, TimeReference } from '../flow';
import type { Hop } from '../flow/hop';

/** Everything a check may look at for one message. Built once per message by the engine. */
export interface RuleContext {
  entry: TraceEntry;
  message: ExtractedMessage;
  /** The parse the rules judge: the decrypted Response when the user's SP key opened an EncryptedAssertion. */
  parsed?: ParsedSaml;
  view?: SamlView;
  signatures: SignatureVerdict[];
  /**
   * The assertion the user's identity is read from: one in the expected place (direct child of the Response,
   * or the root), the signed one first. Assertions anywhere else are wrapping material, never identity.
   */
  identity?: AssertionView;
  /**
   * A trusted certificate is configured for whoever signs this message (the IdP's, or the SP's for what the SP
   * sends). Then a signature made with any other key is a forgery signal, not a signature that counts.
   */
  trustConfigured: boolean;
  /** What a signature that counts (see `countsAsSigned`) protects. */
  signed: {
    /** The root element's XML signature counts, or the HTTP-Redirect query signature does. */
    root: boolean;
    /** The identity assertion's own signature counts. */
    identity: boolean;
    /** The Response an ArtifactResponse carries (the identity assertion's parent) is signed by a signature that counts. */
    carried: boolean;
  };
  /** What carries a signature at all, whether or not it counts: for wording ("signed, but it does not verify"). */
  carries: {
    root: boolean;
    identity: boolean;
    carried: boolean;
  };
  /** The EncryptedAssertion was decrypted with the user's key; `view` shows it in clear. */
  decrypted: boolean;
  profile: Profile;
  expect: ResolvedExpectations;
  flow: FlowContext;
  time: TimeReference;
  /** The message went to an IdP's own host, not to the SP: `expect` then holds nothing of the SP's (flow/hop.ts). */
  hop?: Hop;
}

/** Path of the SAML element judged: the document root, or the message inside a SOAP/WS-Trust wrapper. */
export function rootPath(view: SamlView): string {
  return view.messagePath ?? `/${view.rootName}`;
}

/**
 * Whether a verdict makes its element count as signed: verified with a trusted certificate or, when no
 * certificate is configured for the signer, intact (checked only with the certificate in the message, which
 * proves integrity but not who signed; the verifier says so in its own finding). A refused, unchecked or invalid
 * signature never counts, and neither does an untrusted one when a trusted certificate is configured.
 */
export function countsAsSigned(v: SignatureVerdict, trustConfigured: boolean): boolean {
  return v.status === 'valid' || (v.status === 'untrusted' && !trustConfigured);
}

function signedPaths(signatures: SignatureVerdict[], trustConfigured: boolean): Set<string> {
  const paths = new Set<string>();
  for (const v of signatures) if (v.form === 'xml' && countsAsSigned(v, trustConfigured)) paths.add(v.target);
  return paths;
}

/** Picks the identity assertion and what is signed; the rest of the context is passed through. */
export function buildRuleContext(base: Omit<RuleContext, 'identity' | 'signed' | 'carries'>): RuleContext {
  const { view, signatures, message, trustConfigured } = base;
  if (!view) return context(base, undefined, { root: false, identity: false, carried: false }, { root: false, identity: false, carried: false });
  const paths = signedPaths(signatures, trustConfigured);
  const present = new Set([...view.signatures.map((s) => s.parentPath), ...signatures.filter((v) => v.form === 'xml').map((v) => v.target)]);
  const placed = view.assertions.filter((a) => a.expectedPlace);
  const identity = placed.find((a) => paths.has(a.path)) ?? placed[0];
  const redirect = signatures.filter((v) => v.form === 'redirect-query');
  const redirectSigned = redirect.some((v) => countsAsSigned(v, trustConfigured));
  const redirectCarried = !!message.redirectSignature?.signature || redirect.length > 0;
  const root = rootPath(view);
  const carriedPath = view.kind === 'ArtifactResponse' && identity ? identity.path.slice(0, identity.path.lastIndexOf('/')) : undefined;
  const onRoot = (set: Set<string>, query: boolean) => ({
    root: set.has(root) || query,
    identity: !!identity && (set.has(identity.path) || (identity.path === root && query)),
    carried: carriedPath !== undefined && carriedPath !== root && set.has(carriedPath),
  });
  return context(base, identity, onRoot(paths, redirectSigned), onRoot(present, redirectCarried));
}

/**
 * The context as one literal, every field named: V8 gives the object a spread (`{ ...base, identity }`) makes a
 * hidden class of its own at each call, so every rule's read of `ctx.view` or `ctx.message` missed its caches
 * (a look-up in the runtime) at every message. One literal keeps one class.
 */
function context(base: Omit<RuleContext, 'identity' | 'signed' | 'carries'>, identity: AssertionView | undefined, signed: RuleContext['signed'], carries: RuleContext['carries']): RuleContext {
  return {
    entry: base.entry,
    message: base.message,
    parsed: base.parsed,
    view: base.view,
    signatures: base.signatures,
    identity,
    trustConfigured: base.trustConfigured,
    signed,
    carries,
    decrypted: base.decrypted,
    profile: base.profile,
    expect: base.expect,
    flow: base.flow,
    time: base.time,
    hop: base.hop,
  };
}
