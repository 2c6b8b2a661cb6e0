// Input normalisation: HAR, SAML-tracer, webRequest and pasted text all become TraceEntry records.
export type { InputFormat, InputResult, ReadOptions, WebRequestDetails } from './types';
export { readInput } from './read';
export { fromWebRequest } from './webrequest';
export { fromHarEntry } from './har';
export { fromSamlTracerRequest } from './saml-tracer';
export { IMPORT_LIMITS, thousands, type ImportLimits } from './limits';
export { decodeFileBytes, fileDecoder, fileEncoding, tooLargeForText, type FileEncoding } from './file-text';
