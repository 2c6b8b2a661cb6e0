export { IDP_PRODUCTS, IDP_NAMES, type IdpProduct, type KnownIdpProduct, type IdpRecognition, type FlowOutcome } from './product';
