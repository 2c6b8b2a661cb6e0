export type { XmlLimits } from './limits';
export { DEFAULT_XML_LIMITS } from './limits';
export { parseSaml, parseSamlMessages, type ParsedMessage } from './parse-saml';
export { parseMetadata } from './parse-metadata';
export { elementPath } from './paths';
