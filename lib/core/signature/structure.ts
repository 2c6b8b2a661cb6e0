import { withoutWhitespace } from '../compact-base64';
import type { ParsedSaml, Problem } from '../model';
import { NS } from './algorithms';
import { childElements, elementPath, findAllOf, isEl, ownId, SAML1_ASSERTION_NS, valueText } from './dom';
import { outsideMessages } from './outside-message';
import { strayIdentity } from './stray-identity';

/**
 * Document-level wrapping defences (VALIDATION.md steps 4, 5 and 9), judged before any cryptography:
 * where signatures may sit, unique IDs, no ds:Object/ds:Manifest, no replayed SignatureValue, exactly one
 * assertion and only where the profile puts it, and no identity content where no signature reaches.
 */
export interface StructureResult {
  problems: Problem[];
  /** Signatures that must not count, with the rule that refused them. */
  refused: Map<Element, string>;
  signatures: Element[];
}

const MESSAGES = new Set(['Response', 'AuthnRequest', 'LogoutRequest', 'LogoutResponse', 'ArtifactResolve', 'ArtifactResponse', 'AttributeQuery', 'ManageNameIDRequest', 'ManageNameIDResponse']);

/** The protocol messages of a document: its root, and the message an ArtifactResponse carries. */
export function messageElements(root: Element): Element[] {
  const out = [root];
  if (isEl(root, NS.protocol, 'ArtifactResponse')) {
    for (const c of childElements(root)) if (c.namespaceURI === NS.protocol && MESSAGES.has(c.localName)) out.push(c);
  }
  return out;
}

function wrap(problems: Problem[], message: string, el: Element): void {
  problems.push({ rule: 'signature-wrapping', severity: 'error', message, location: elementPath(el) });
}

const METADATA_NS = 'urn:oasis:names:tc:SAML:2.0:metadata';

function findAllInNs(root: Element, ns: string): Element[] {
  const out: Element[] = [];
  const stack: Element[] = [root];
  while (stack.length) {
    const el = stack.pop()!;
    if (el.namespaceURI === ns) out.push(el);
    stack.push(...childElements(el));
  }
  return out;
}

/**
 * The top-level assertion whose Advice (directly, or through the Advice of assertions nested in it)
 * holds `assertion`, or undefined when `assertion` sits anywhere else. saml-core §2.6.3 lets an issuer
 * put assertions in Advice; only the chain Assertion > Advice > Assertion counts, so an assertion in
 * Extensions, SubjectConfirmationData, ds:Object or a request is never "advice".
 */
function adviceOwner(assertion: Element, topLevel: Set<Element>): Element | undefined {
  let a: Element = assertion;
  for (;;) {
    const advice = a.parentNode;
    if (!isEl(advice, NS.assertion, 'Advice')) return undefined;
    const owner = advice.parentNode;
    if (!isEl(owner, NS.assertion, 'Assertion')) return undefined;
    if (topLevel.has(owner)) return owner;
    a = owner;
  }
}

export function checkStructure(parsed: ParsedSaml): StructureResult {
  const problems: Problem[] = [];
  const refused = new Map<Element, string>();
  const root = parsed.root;
  const messages = messageElements(root);
  const responses = messages.filter((m) => isEl(m, NS.protocol, 'Response'));

  // Step 4: an ID that resolves to two elements lets a verifier and a reader pick different ones.
  const duplicated = new Set(parsed.duplicateIds);
  for (const id of parsed.duplicateIds) {
    const el = parsed.ids.get(id);
    if (el) wrap(problems, `ID "${id}" is carried by more than one element: a signature reference to it is ambiguous (unique IDs rule).`, el);
  }

  // Step 5: signature placement.
  const allowedParents = new Set<Element>(messages);
  // Metadata (signed EntityDescriptor, role descriptors) has its own signing practice; the message
  // placement rule does not apply to it. The reference and transform rules still do.
  if (root.namespaceURI === METADATA_NS) for (const el of findAllInNs(root, METADATA_NS)) allowedParents.add(el);
  // A bare assertion (WS-Trust token, SAML 2.0 or 1.x) is its own message.
  if (isEl(root, NS.assertion, 'Assertion') || isEl(root, SAML1_ASSERTION_NS, 'Assertion')) allowedParents.add(root);
  for (const r of responses) for (const a of childElements(r, NS.assertion, 'Assertion')) allowedParents.add(a);
  const topLevel = new Set(allowedParents);

  // Advice: an assertion the signer of a top-level assertion put inside it is part of what that signature
  // covers, not wrapping; its own signature (if any) is verified like any other. A top-level assertion
  // counts as covered when it, or the message around it, carries a signature; whether that signature
  // verifies is judged later and any failure is an error on its own.
  const signedHere = (el: Node | null) => !!el && el.nodeType === 1 && childElements(el, NS.ds, 'Signature').length > 0;
  const covered = (top: Element) => signedHere(top) || (responses.includes(top.parentNode as Element) && signedHere(top.parentNode));
  const advice = new Set<Element>();
  const uncoveredAdvice = new Set<Element>();
  const [assertions, encryptedAssertions, signatures, objects, manifests] = findAllOf(root, [
    [NS.assertion, 'Assertion'],
    [NS.assertion, 'EncryptedAssertion'],
    [NS.ds, 'Signature'],
    [NS.ds, 'Object'],
    [NS.ds, 'Manifest'],
  ]) as [Element[], Element[], Element[], Element[], Element[]];
  for (const a of assertions) {
    if (topLevel.has(a)) continue;
    const owner = adviceOwner(a, topLevel);
    if (!owner) continue;
    if (covered(owner)) {
      advice.add(a);
      allowedParents.add(a);
    } else uncoveredAdvice.add(a);
  }

  const perParent = new Map<Node, Element[]>();
  for (const sig of signatures) {
    const parent = sig.parentNode as Element;
    perParent.set(parent, [...(perParent.get(parent) ?? []), sig]);
    if (!allowedParents.has(parent)) {
      const why = `a ds:Signature inside <${parent.localName}> at ${elementPath(parent)}: signatures are only allowed on the Response, on the Assertion directly inside it, or on a request/logout message (placement rule).`;
      wrap(problems, why, sig);
      refused.set(sig, 'placement');
    }
    const id = parent.nodeType === 1 ? ownId(parent) : undefined;
    if (id && duplicated.has(id)) refused.set(sig, 'duplicate-id');
  }
  for (const [parent, sigs] of perParent) {
    if (sigs.length < 2) continue;
    wrap(problems, `<${(parent as Element).localName}> carries ${sigs.length} ds:Signature elements; at most one is allowed (one-signature-per-element rule).`, parent as Element);
    for (const s of sigs) refused.set(s, 'several-signatures');
  }

  // ds:Object and ds:Manifest carry content a signature can cover while the reader looks elsewhere.
  for (const [local, found] of [['Object', objects], ['Manifest', manifests]] as const) {
    for (const el of found) {
      wrap(problems, `ds:${local} found: SAML signatures never need one, and wrapping attacks hide forged or genuine content in it (no-ds:${local} rule).`, el);
      for (let n: Node | null = el.parentNode; n; n = n.parentNode) {
        if (isEl(n, NS.ds, 'Signature')) refused.set(n, `ds-${local.toLowerCase()}`);
      }
    }
  }

  // A replayed SignatureValue is the decoy-signature trick: a genuine value copied beside forged content.
  const byValue = new Map<string, Element>();
  for (const sig of signatures) {
    const sv = childElements(sig, NS.ds, 'SignatureValue')[0];
    if (!sv) continue;
    const value = withoutWhitespace(valueText(sv).text);
    if (!value) continue;
    const first = byValue.get(value);
    if (first) {
      wrap(problems, `two signatures carry the same SignatureValue (decoy-signature rule): one is a copy of the other, placed to be verified instead of the real one.`, sig);
      refused.set(sig, 'repeated-signature-value');
      refused.set(first, 'repeated-signature-value');
    } else byValue.set(value, sig);
  }

  // Step 9: exactly one assertion, directly in the Response; none anywhere else.
  for (const r of responses) {
    const direct = childElements(r).filter((c) => isEl(c, NS.assertion, 'Assertion') || isEl(c, NS.assertion, 'EncryptedAssertion'));
    if (direct.length > 1) wrap(problems, `the Response contains ${direct.length} assertions; exactly one is allowed (single-assertion rule).`, r);
  }
  const expected = new Set<Element>();
  for (const r of responses) for (const c of childElements(r)) expected.add(c);
  if (isEl(root, NS.assertion, 'Assertion')) expected.add(root);
  for (const [local, found] of [['Assertion', assertions], ['EncryptedAssertion', encryptedAssertions]] as const) {
    for (const a of found) {
      if (expected.has(a) || advice.has(a)) continue;
      const parent = a.parentNode as Element;
      const why = uncoveredAdvice.has(a)
        ? `an ${local} inside the Advice at ${elementPath(parent)} of an assertion that no signature covers: nobody vouches for what it adds (assertion-placement rule).`
        : `an ${local} inside <${parent.localName}> at ${elementPath(parent)}: assertions belong directly inside a Response (or in the Advice of a signed assertion) and nowhere else (assertion-placement rule).`;
      wrap(problems, why, a);
    }
  }
  problems.push(...strayIdentity(messages, signatures), ...outsideMessages(parsed.doc, root));
  return { problems, refused, signatures };
}
