export { IDP_PRODUCTS, IDP_NAMES, type IdpProduct, type KnownIdpProduct, type IdpRecognition, type FlowOutcome } from './product';
export { fixFor, messageIdp, traceIdp, type IdpFix, type IdpFixTexts, type IdpFixSources, type FixEntry, type OrderedFix } from './fix-for';
export { clueFromEndpoint, clueFromEntityId, clueFromHost, decide, type Clue } from './recognise';
export { PRODUCT_SIGNS, type ProductSigns } from './signs';
export { recognisePage, pageView, scanWindow, ENTRA_CODES, type PageHit, type PageView, type RequestFacts } from './error-pages';
