// Node's own base64 (C++) for the core's decoding of large messages: the core checks its answer is strict
// (lib/core/binding/base64.ts), so Node's leniency never lets a malformed value through.
import type { Base64Codec } from '../core/binding/base64';

export const nodeBase64: Base64Codec = {
  // A copy: a small Buffer can be a view of Node's shared pool, and these bytes outlive the call.
  decode: (s) => new Uint8Array(Buffer.from(s, 'base64')),
  encode: (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'),
};
