// Node's own base64 (C++) for the core's decoding of large messages: the core checks its answer is strict
// (lib/core/binding/base64.ts), so Node's leniency never lets a malformed value through.
import type { Base64Codec } from '../core/binding/base64';

export const nodeBase64: Base64Codec = {
  // A Buffer under 4 KB can be a view of Node's shared pool, and these bytes outlive the call: it is copied. A
  // larger one has its memory to itself (Node pools only under half its 8 KB pool size), and a copy would be a
  // second allocation of the whole message.
  decode: (s) => {
    const b = Buffer.from(s, 'base64');
    return b.byteLength >= Buffer.poolSize >>> 1 && b.byteOffset === 0 && b.buffer.byteLength === b.byteLength
      ? new Uint8Array(b.buffer, 0, b.byteLength)
      : new Uint8Array(b);
  },
  encode: (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'),
};
