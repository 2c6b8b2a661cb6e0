import { withoutWhitespace } from '../compact-base64';
import type { Endpoint, MetadataView, RequestedAttributeView } from '../model';
import { NS } from './ns';
import { attr, boolAttr, childrenOf, deepText, descendants, firstChild, identifier, intAttr } from './nodes';
import { certificatesIn } from './view-signature';

const MD = NS.metadata;

/** An md:EntityDescriptor (saml-metadata §2.3.2): only the SAML SSO role descriptors are read. */
export function metadataView(entity: Element): MetadataView {
  const idps = childrenOf(entity, MD, 'IDPSSODescriptor');
  const sps = childrenOf(entity, MD, 'SPSSODescriptor');
  const roles = [...idps, ...sps];
  const signing = new Set<string>();
  const encryption = new Set<string>();
  const signingKeys: Array<{ modulus: string; exponent: string }> = [];
  for (const role of roles) {
    for (const kd of childrenOf(role, MD, 'KeyDescriptor')) {
      const use = attr(kd, 'use')?.trim();
      const keyInfo = firstChild(kd, NS.ds, 'KeyInfo');
      const certs = keyInfo ? certificatesIn(keyInfo) : [];
      // No `use` means the key serves both purposes (saml-metadata §2.4.1.1).
      if (use !== 'encryption') certs.forEach((c) => signing.add(c));
      if (use !== 'signing') certs.forEach((c) => encryption.add(c));
      const rsa = keyInfo && certs.length === 0 ? rsaKeyValue(keyInfo) : undefined;
      if (rsa && use !== 'encryption' && !signingKeys.some((k) => k.modulus === rsa.modulus)) signingKeys.push(rsa);
    }
  }
  const endpoints = (descriptors: Element[], local: string) => descriptors.flatMap((d) => childrenOf(d, MD, local).map(endpoint));
  const idp = idps[0];
  const sp = sps[0];
  return {
    entityId: attr(entity, 'entityID') ?? '',
    role: idps.length && sps.length ? 'both' : idps.length ? 'idp' : sps.length ? 'sp' : 'unknown',
    ssoServices: endpoints(idps, 'SingleSignOnService'),
    sloServices: endpoints(roles, 'SingleLogoutService'),
    acsServices: endpoints(sps, 'AssertionConsumerService'),
    artifactResolutionServices: endpoints(roles, 'ArtifactResolutionService'),
    signingCertificates: [...signing],
    ...(signingKeys.length ? { signingKeyValues: signingKeys } : {}),
    encryptionCertificates: [...encryption],
    nameIdFormats: [...new Set(roles.flatMap((r) => childrenOf(r, MD, 'NameIDFormat').map((f) => identifier(f) ?? '')))],
    wantAuthnRequestsSigned: idp && boolAttr(idp, 'WantAuthnRequestsSigned'),
    wantAssertionsSigned: sp && boolAttr(sp, 'WantAssertionsSigned'),
    authnRequestsSigned: sp && boolAttr(sp, 'AuthnRequestsSigned'),
    requestedAttributes: sp ? requestedAttributes(sp) : [],
  };
}

/**
 * The RequestedAttributes of the SP's default AttributeConsumingService (isDefault="true", else the first:
 * saml-metadata §2.4.4.1 makes the first the default when none says so).
 */
function requestedAttributes(sp: Element): RequestedAttributeView[] {
  const services = childrenOf(sp, MD, 'AttributeConsumingService');
  const service = services.find((s) => boolAttr(s, 'isDefault') === true) ?? services[0];
  if (!service) return [];
  return childrenOf(service, MD, 'RequestedAttribute')
    .map((el) => {
      const a: RequestedAttributeView = { name: attr(el, 'Name')?.trim() ?? '', isRequired: boolAttr(el, 'isRequired') === true };
      const nameFormat = attr(el, 'NameFormat')?.trim();
      if (nameFormat) a.nameFormat = nameFormat;
      const friendlyName = attr(el, 'FriendlyName')?.trim();
      if (friendlyName) a.friendlyName = friendlyName;
      return a;
    })
    .filter((a) => a.name !== '');
}

/** A ds:KeyValue/ds:RSAKeyValue public key (xmldsig-core §4.4.2.2), as base64 Modulus and Exponent. */
function rsaKeyValue(keyInfo: Element): { modulus: string; exponent: string } | undefined {
  const keyValue = firstChild(keyInfo, NS.ds, 'KeyValue');
  const value = keyValue && firstChild(keyValue, NS.ds, 'RSAKeyValue');
  const part = (local: string) => {
    const el = value && firstChild(value, NS.ds, local);
    return el ? withoutWhitespace(deepText(el)) : '';
  };
  const modulus = part('Modulus');
  const exponent = part('Exponent');
  return modulus && exponent ? { modulus, exponent } : undefined;
}

function endpoint(el: Element): Endpoint {
  const e: Endpoint = { binding: attr(el, 'Binding') ?? '', location: attr(el, 'Location') ?? '' };
  const index = intAttr(el, 'index');
  if (index !== undefined) e.index = index;
  const isDefault = boolAttr(el, 'isDefault');
  if (isDefault !== undefined) e.isDefault = isDefault;
  return e;
}

/**
 * The entity an EntitiesDescriptor (federation aggregate) is read as: the first IdP in document order,
 * because SAML Lens imports metadata to learn who signs responses; an aggregate without an IdP gives its
 * first entity. Nested aggregates are included.
 */
export function pickEntity(root: Element, want: MetadataWant = {}): Element | undefined {
  return entityChoice(root, want).entity;
}

/** Which entity of metadata is wanted: the one with this entity ID, else the first in this role. */
export interface MetadataWant {
  role?: 'idp' | 'sp';
  entityId?: string;
}

/**
 * The entity `want` names in an aggregate (a federation's EntitiesDescriptor): the one with its entity ID, else
 * the first in its role (an IdP's by default); `others` counts the rest in that role when the choice was a guess.
 */
export function entityChoice(root: Element, want: MetadataWant = {}): { entity?: Element; others: number } {
  if (root.localName === 'EntityDescriptor') return { entity: root, others: 0 };
  const entities = descendants(root, MD, 'EntityDescriptor');
  const named = want.entityId === undefined ? undefined : entities.find((e) => e.getAttribute('entityID')?.trim() === want.entityId!.trim());
  if (named) return { entity: named, others: 0 };
  const role = want.role === 'sp' ? 'SPSSODescriptor' : 'IDPSSODescriptor';
  const inRole = entities.filter((e) => firstChild(e, MD, role));
  return { entity: inRole[0] ?? entities[0], others: Math.max(0, inRole.length - 1) };
}
