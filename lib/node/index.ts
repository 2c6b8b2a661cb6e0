// The package's main export in Node (`import ... from 'saml-lens'`, bundled as dist/core.js): the core, with its
// signature checks on Node's synchronous crypto instead of WebCrypto and base64 decoded by Node, as the CLI runs them.
import { useNodePlatform } from './platform';

export * from '../core/index';

useNodePlatform();
