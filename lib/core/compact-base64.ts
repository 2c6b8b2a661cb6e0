import { TextCache } from './text-cache';
import { detached } from './xml/detached';

/*
 * The same long base64 values (the IdP's certificate, each signature's value) are stripped of their line breaks by
 * the view, the wrapping checks and the verifier in turn, in every message: for a long one the answer is kept,
 * found again by an equality compare (text-cache.ts) instead of a new scan and copy each time.
 */
const compacted = new TextCache<string>(64);
const KEPT_FROM = 256;

/** A base64 value without the whitespace IdPs and xmlsec1 wrap it with (every 64 or 76 characters). */
export function withoutWhitespace(text: string): string {
  if (text.length < KEPT_FROM) return /\s/.test(text) ? text.replace(/\s+/g, '') : text;
  let out = compacted.get(text);
  if (out === undefined) {
    out = /\s/.test(text) ? text.replace(/\s+/g, '') : text;
    // Unchanged, the value is the message's own text, maybe a slice that keeps the whole message alive: a copy.
    compacted.set(text, out === text ? detached(text) : out);
  }
  return out;
}
