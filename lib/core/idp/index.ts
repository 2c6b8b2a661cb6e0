export { IDP_PRODUCTS, IDP_NAMES, type IdpProduct, type KnownIdpProduct, type IdpRecognition, type FlowOutcome } from './product';
export { fixFor, messageIdp, traceIdp, type IdpFix, type IdpFixTexts, type IdpFixSources, type FixEntry, type OrderedFix } from './fix-for';
