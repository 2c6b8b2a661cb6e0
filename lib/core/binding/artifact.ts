// HTTP-Artifact (saml-bindings §3.6.4): only a reference travels through the browser; parse what it says.
import { sha1 } from '@noble/hashes/legacy.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { ArtifactInfo, DecodeStep, ExtractedMessage, Problem, TraceEntry } from '../model';
import { decodeBase64 } from './base64';
import { failed, overEncodedCap } from './decode';
import type { DecodeLimits } from './limits';
import { isMaskedValue } from './masked';
import { field, guarded } from './message';
import { formDecode, type RawParam } from './urlencoded';

/** SourceID of an entity: SHA-1 of its entity ID (lower-case hex), to match ArtifactInfo.sourceId. */
export function artifactSourceId(entityId: string): string {
  return bytesToHex(sha1(utf8ToBytes(entityId)));
}

const sourceIndexes = new WeakMap<readonly string[], Map<string, string>>();

/**
 * The first of `entityIds` whose SourceID is `sourceId` (any case). The hashes of one list are computed once
 * and kept while the list lives: every message of a trace shares its list, and hashing every entity ID for
 * every artifact would be quadratic in a trace with many of both.
 */
export function entityForSourceId(entityIds: readonly string[], sourceId: string): string | undefined {
  let index = sourceIndexes.get(entityIds);
  if (!index) {
    index = new Map();
    for (const id of entityIds) {
      let hash: string;
      try {
        hash = artifactSourceId(id);
      } catch {
        continue; // an entity ID that cannot be hashed matches no artifact
      }
      if (!index.has(hash)) index.set(hash, id);
    }
    sourceIndexes.set(entityIds, index);
  }
  return index.get(sourceId.toLowerCase());
}

export function artifactMessages(entry: TraceEntry, params: RawParam[], limits: DecodeLimits): ExtractedMessage[] {
  const out: ExtractedMessage[] = [];
  const queryRelay = params.find((p) => p.name === 'RelayState');
  for (const p of params) {
    if (p.name !== 'SAMLart') continue;
    const relay = queryRelay ? formDecode(queryRelay.rawValue) : undefined;
    out.push(one(entry, 'query parameter SAMLart', () => formDecode(p.rawValue), p.rawValue.length, relay, limits));
  }
  const fields = entry.formFields ?? [];
  const formRelay = field(fields, 'RelayState');
  for (const [name, value] of fields) {
    if (name === 'SAMLart') out.push(one(entry, 'form field SAMLart', () => value, value.length, formRelay, limits));
  }
  return out;
}

function one(
  entry: TraceEntry,
  origin: string,
  value: () => string,
  encodedLength: number,
  relayState: string | undefined,
  limits: DecodeLimits,
): ExtractedMessage {
  return guarded(entry, 'HTTP-Artifact', 'SAMLart', () => {
    const steps: DecodeStep[] = [{ name: origin }];
    const problems: Problem[] = [];
    const msg: ExtractedMessage = { entryId: entry.id, binding: 'HTTP-Artifact', parameter: 'SAMLart', steps, problems };
    if (relayState !== undefined) msg.relayState = relayState;
    const tooBig = overEncodedCap('SAMLart', encodedLength, limits);
    if (tooBig) {
      problems.push(tooBig);
      return msg;
    }
    const raw = value();
    if (isMaskedValue(raw)) {
      problems.push(failed('SAMLart', 'the value was masked by the capturing tool'));
      return msg;
    }
    const parsed = parseArtifact(raw);
    steps.push(...parsed.steps);
    problems.push(...parsed.problems);
    if (parsed.artifact) msg.artifact = parsed.artifact;
    return msg;
  });
}

export function parseArtifact(raw: string): { artifact?: ArtifactInfo; steps: DecodeStep[]; problems: Problem[] } {
  const steps: DecodeStep[] = [];
  const problems: Problem[] = [];
  const b64 = decodeBase64(raw);
  if (!b64.ok) return { steps, problems: [failed('SAMLart', `not valid base64: ${b64.reason}`)] };
  if (b64.repairs.length > 0) {
    problems.push({
      rule: 'base64-lenient',
      severity: 'info',
      message: `SAMLart is not strict base64; decoded after repairs: ${b64.repairs.join('; ')}.`,
    });
  }
  steps.push({ name: b64.repairs.length > 0 ? 'base64 (lenient)' : 'base64', note: `${b64.bytes.length} bytes` });
  const b = b64.bytes;
  const typeCode = ((b[0] ?? 0) << 8) | (b[1] ?? 0);
  const hex = (from: number, to: number): string => bytesToHex(b.subarray(from, to));
  const typeHex = `0x${typeCode.toString(16).padStart(4, '0')}`;
  if (typeCode === 0x0004) {
    if (b.length !== 44) {
      problems.push(failed('SAMLart', `a type 0x0004 artifact is 44 bytes, this one is ${b.length}`));
      return { steps, problems };
    }
    const endpointIndex = ((b[2] ?? 0) << 8) | (b[3] ?? 0);
    steps.push({ name: 'artifact', note: `type 0x0004 (SAML 2.0), endpoint index ${endpointIndex}` });
    return {
      artifact: { raw, typeCode, endpointIndex, sourceId: hex(4, 24), messageHandle: hex(24, 44) },
      steps,
      problems,
    };
  }
  if (typeCode === 0x0001 && b.length === 42) {
    // SAML 1.x type 0x0001: SourceID and AssertionHandle, no endpoint index.
    steps.push({ name: 'artifact', note: 'type 0x0001 (SAML 1.x): no endpoint index' });
    return {
      artifact: { raw, typeCode, endpointIndex: 0, sourceId: hex(2, 22), messageHandle: hex(22, 42) },
      steps,
      problems,
    };
  }
  problems.push(
    failed('SAMLart', `type code ${typeHex} (${b.length} bytes) is not a SAML 2.0 artifact (type 0x0004, 44 bytes)`),
  );
  return { steps, problems };
}
