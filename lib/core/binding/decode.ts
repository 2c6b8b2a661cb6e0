// One encoded parameter value -> XML text, with every step recorded and every failure explained.
import type { DecodeStep, Problem } from '../model';
import { decodeBase64 } from './base64';
import { inflateRawBounded } from './inflate';
import type { DecodeLimits } from './limits';
import { formatBytes, formatCount } from './sizes';
import { decodeUtf8, looksLikeXmlBytes } from './utf8';

export interface Decoded {
  xml?: string;
  steps: DecodeStep[];
  problems: Problem[];
}

export interface DecodeContext {
  /** Parameter name for messages, e.g. 'SAMLRequest'. */
  parameter: string;
  /** HTTP-Redirect values are deflated; HTTP-POST values are not. Either way the other form is tried too. */
  expect: 'deflate' | 'plain';
  limits: DecodeLimits;
}

export function failed(parameter: string, what: string): Problem {
  return { rule: 'decode-failed', severity: 'error', message: `${parameter}: ${what}.` };
}

/** Refuses a value over the encoded-size cap before any work is done on it. */
export function overEncodedCap(parameter: string, length: number, limits: DecodeLimits): Problem | undefined {
  if (length <= limits.maxEncodedChars) return undefined;
  return failed(
    parameter,
    `the value is ${formatCount(length)} characters, over the ${formatCount(limits.maxEncodedChars)}-character limit; not decoded`,
  );
}

/** base64 -> (inflate) -> UTF-8. `value` is already URL-decoded. */
export function decodeSamlValue(value: string, ctx: DecodeContext): Decoded {
  const { parameter, limits } = ctx;
  const steps: DecodeStep[] = [];
  const problems: Problem[] = [];
  const fail = (what: string): Decoded => ({ steps, problems: [...problems, failed(parameter, what)] });

  const tooBig = overEncodedCap(parameter, value.length, limits);
  if (tooBig) return { steps, problems: [tooBig] };
  if (value.trim() === '') return fail('the value is empty');

  const b64 = decodeBase64(value);
  if (!b64.ok) return fail(`not valid base64: ${b64.reason}`);
  const sizes = `${formatCount(value.length)} chars -> ${formatBytes(b64.bytes.length)}`;
  if (b64.repairs.length > 0) {
    steps.push({ name: 'base64 (lenient)', note: `${b64.repairs.join('; ')}; ${sizes}` });
    problems.push({
      rule: 'base64-lenient',
      severity: 'info',
      message: `${parameter} is not strict base64; decoded after repairs: ${b64.repairs.join('; ')}.`,
    });
  } else {
    steps.push({ name: 'base64', note: sizes });
  }

  let bytes = b64.bytes;
  const isXml = looksLikeXmlBytes(bytes);
  if (ctx.expect === 'deflate' || !isXml) {
    const inflated = inflateRawBounded(bytes, limits.maxInflatedBytes);
    // Plain XML bytes can, rarely, pass as a DEFLATE stream; garbage out of it must not win over the XML.
    if (inflated.ok && isXml && !looksLikeXmlBytes(inflated.bytes)) {
      steps.push({ name: 'not deflated', note: 'plain base64 XML where the Redirect binding requires DEFLATE; used as is' });
    } else if (inflated.ok) {
      const note = `${formatBytes(bytes.length)} -> ${formatBytes(inflated.bytes.length)}`;
      steps.push({
        name: 'inflate (raw DEFLATE)',
        note: ctx.expect === 'deflate' ? note : `${note}; the value was deflated, which this binding does not do`,
      });
      bytes = inflated.bytes;
    } else if (inflated.overLimit) {
      return fail(inflated.reason);
    } else if (isXml) {
      steps.push({
        name: 'not deflated',
        note: 'plain base64 XML where the Redirect binding requires DEFLATE (some IdPs send logout messages so); used as is',
      });
    } else if (ctx.expect === 'deflate') {
      return fail(`inflate failed: ${inflated.reason}, and the decoded bytes are not XML either`);
    } else {
      return fail(
        `base64 decoded to ${formatBytes(bytes.length)} that are neither XML nor DEFLATE data (${inflated.reason})`,
      );
    }
  }

  const text = decodeUtf8(bytes);
  if (!text.ok) return fail(text.reason);
  steps.push({
    name: 'utf-8',
    note: `${formatCount(text.text.length)} characters${text.bomRemoved ? '; byte order mark removed' : ''}`,
  });
  return { xml: text.text, steps, problems };
}
