import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';

/**
 * The id Chromium gives an unpacked extension: the first 32 hex digits of the SHA-256 of its absolute
 * path, each digit written as a letter a-p. The demo start page needs it to offer its settings to the
 * extension it loaded (see lib/extension/settings-offer.ts).
 */
export function unpackedExtensionId(dir: string): string {
  const hex = createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 32);
  return [...hex].map((d) => String.fromCharCode(97 + parseInt(d, 16))).join('');
}
