// The package's main export in Node (`import ... from 'saml-lens'`, bundled as dist/core.js): the core, with its
// signature checks on Node's synchronous crypto instead of WebCrypto and base64 decoded by Node, as the CLI runs them.
import { useBase64Codec } from '../core/binding/base64';
import { useCryptoPrimitives } from '../core/signature/primitives';
import { nodeBase64 } from './base64';
import { nodeCryptoPrimitives } from './crypto';

export * from '../core/index';

useCryptoPrimitives(nodeCryptoPrimitives);
useBase64Codec(nodeBase64);
