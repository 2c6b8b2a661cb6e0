export type * from './finding';
export type * from './trace';
export type * from './message';
export type * from './saml';
export type * from './parsed';
export type * from './signature';
export type * from './options';
export type * from './report';
