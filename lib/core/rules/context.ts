import type { AssertionView, ExtractedMessage, ParsedSaml, SamlView, SignatureVerdict, TraceEntry } from '../model';
import type { Profile, ResolvedExpectations } from '../profiles';
import type { FlowContext, TimeReference } from '../flow';

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
  signed: {
    /** The root element carries an XML signature, or the HTTP-Redirect query is signed. */
    root: boolean;
    /** The identity assertion carries its own signature. */
    identity: boolean;
  };
  /** The EncryptedAssertion was decrypted with the user's key; `view` shows it in clear. */
  decrypted: boolean;
  profile: Profile;
  expect: ResolvedExpectations;
  flow: FlowContext;
  time: TimeReference;
}

/** Path of the SAML element judged: the document root, or the message inside a SOAP/WS-Trust wrapper. */
export function rootPath(view: SamlView): string {
  return view.messagePath ?? `/${view.rootName}`;
}

function signedPaths(view: SamlView, signatures: SignatureVerdict[]): Set<string> {
  const paths = new Set<string>();
  for (const s of view.signatures) paths.add(s.parentPath);
  for (const v of signatures) if (v.form === 'xml') paths.add(v.target);
  return paths;
}

/** Picks the identity assertion and what is signed; the rest of the context is passed through. */
export function buildRuleContext(base: Omit<RuleContext, 'identity' | 'signed'>): RuleContext {
  const { view, signatures, message } = base;
  if (!view) return { ...base, signed: { root: false, identity: false } };
  const paths = signedPaths(view, signatures);
  const placed = view.assertions.filter((a) => a.expectedPlace);
  const identity = placed.find((a) => paths.has(a.path)) ?? placed[0];
  const redirectSigned = !!message.redirectSignature?.signature || signatures.some((v) => v.form === 'redirect-query');
  return {
    ...base,
    identity,
    signed: {
      root: paths.has(rootPath(view)) || redirectSigned,
      identity: !!identity && (paths.has(identity.path) || (identity.path === rootPath(view) && redirectSigned)),
    },
  };
}
