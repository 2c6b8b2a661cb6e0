// What Node gives the core in place of what it uses in the browser, installed once by each Node entry point
// (the package's main export and the CLI), so both always run the core the same way.
import { useBase64Codec } from '../core/binding/base64';
import { useCryptoPrimitives } from '../core/signature/primitives';
import { nodeBase64 } from './base64';
import { nodeCryptoPrimitives } from './crypto';

export function useNodePlatform(): void {
  useCryptoPrimitives(nodeCryptoPrimitives);
  useBase64Codec(nodeBase64);
}
