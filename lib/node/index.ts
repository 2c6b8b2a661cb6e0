// The package's main export in Node (`import ... from 'saml-lens'`, bundled as dist/core.js): the core, with its
// signature checks on Node's synchronous crypto instead of WebCrypto, as the CLI runs them.
import { useCryptoPrimitives } from '../core/signature/primitives';
import { nodeCryptoPrimitives } from './crypto';

export * from '../core/index';

useCryptoPrimitives(nodeCryptoPrimitives);
