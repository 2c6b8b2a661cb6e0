import type { MetadataView, Problem } from '../model';
import { buildDom } from './build';
import { METADATA_XML_LIMITS } from './limits';
import { NS } from './ns';
import { elementPath } from './paths';
import { entityChoice, metadataView, type MetadataWant } from './view-metadata';

/** IdP or SP metadata (an EntityDescriptor, or the IdP of an EntitiesDescriptor), behind the same guards. */
export function parseMetadata(xml: string, want: MetadataWant = {}): { metadata?: MetadataView; problems: Problem[] } {
  try {
    const { doc, problem } = buildDom(xml, METADATA_XML_LIMITS);
    if (!doc) return { problems: problem ? [problem] : [] };
    const problems: Problem[] = [];
    const root = doc.documentElement;
    const isMetadata = root.namespaceURI === NS.metadata && (root.localName === 'EntityDescriptor' || root.localName === 'EntitiesDescriptor');
    if (!isMetadata) {
      problems.push({
        rule: 'not-saml',
        message: `the root element is <${root.nodeName}>${root.namespaceURI ? ` in namespace "${root.namespaceURI}"` : ''}, not SAML 2.0 metadata (md:EntityDescriptor)`,
        location: elementPath(root),
      });
      return { problems };
    }
    const { entity, others } = entityChoice(root, want);
    if (entity && others > 0) {
      const role = want.role === 'sp' ? 'SP' : 'IdP';
      problems.push({
        rule: 'config-invalid',
        severity: 'warning',
        message: `it is an aggregate of ${others + 1} ${role}s; SAML Lens uses the first, ${entity.getAttribute('entityID') ?? '(no entityID)'}. To judge against another, give its entity ID (--${role.toLowerCase()}-entity-id) or metadata of that ${role} alone`,
        location: elementPath(entity),
      });
    }
    if (!entity) {
      problems.push({ rule: 'not-saml', message: 'the EntitiesDescriptor contains no EntityDescriptor', location: elementPath(root) });
      return { problems };
    }
    const metadata = metadataView(entity);
    if (!metadata.entityId) problems.push({ rule: 'not-saml', message: 'the EntityDescriptor has no entityID', location: elementPath(entity) });
    if (metadata.role === 'unknown') {
      problems.push({ rule: 'not-saml', severity: 'warning', message: `entity ${metadata.entityId} has no IDPSSODescriptor or SPSSODescriptor (SAML 2.0 SSO roles)`, location: elementPath(entity) });
    }
    return { metadata, problems };
  } catch (e) {
    return { problems: [{ rule: 'decode-failed', message: `could not read the metadata: ${e instanceof Error ? e.message : String(e)}` }] };
  }
}
