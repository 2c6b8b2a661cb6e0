import type { AnalyzeOptions } from '../model';
import { analyzeText } from '../analyze';
import { extractMessages } from '../binding';
import { readInput } from '../input';
import { parseSamlMessages } from '../xml';
import { parseCertificates, verifySignatures } from '../signature';
import { canonicalize } from '../signature/c14n';
import { digestText, verifyWithCertificate } from '../signature/keys';
import { readSignature } from '../signature/signed-info';
import { checkStructure } from '../signature/structure';

/*
 * Where the full check's time goes, for `npm run bench` and the extension's test hook (the same figures in
 * Node and in the service worker). Each stage is the median of warm runs of the core's own function for it on
 * the same message; what is left of the full check once decode, parse and signatures are taken out is the
 * rules, the flows and the report. The clock is passed in: the core has no timer of its own.
 */

export interface StageTimings {
  /** analyzeText on the input: everything below together. */
  full: number;
  /** Reading the input and decoding the binding (form, base64, UTF-8) to the XML text. */
  decode: number;
  /** The guards and the one parse into a tree with its SAML view. */
  parse: number;
  /** All of the signature check (structure, canonicalisation, digests, RSA, verdicts). */
  signatures: number;
  /** Of which: canonicalising every Reference and SignedInfo to octets. */
  c14n: number;
  /** Of which: hashing the Reference octets. */
  digests: number;
  /** Of which: the RSA (or ECDSA) verification of each SignedInfo with the trusted key. */
  rsa: number;
  /** The rules, the flows and the report: the full check minus the stages above. */
  rules: number;
}

const encoder = new TextEncoder();

/** How measureStages samples. */
export interface Sampling {
  /**
   * Runs timed together as one sample (their mean is the sample): a browser's clock in a page or worker that is not
   * cross-origin isolated ticks every 100 µs, a seventh of a typical check, so one run alone reads 0.6 or 0.7 ms.
   */
  batch?: number;
  /** Full checks run, untimed, first: V8 optimises the check's functions over its first few hundred runs. */
  warmUp?: number;
}

async function median(clock: () => number, runs: number, batch: number, fn: () => unknown): Promise<number> {
  for (let i = 0; i < Math.min(runs, 5); i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = clock();
    for (let j = 0; j < batch; j++) await fn();
    times.push((clock() - t0) / batch);
  }
  times.sort((a, b) => a - b);
  return times[times.length >> 1] ?? 0;
}

/**
 * The stage timings (ms) of one input that holds one signed message, the certificate in `options` trusted: the
 * median of `runs` samples.
 */
export async function measureStages(text: string, options: AnalyzeOptions, clock: () => number, runs: number, sampling: Sampling = {}): Promise<StageTimings> {
  const batch = Math.max(1, sampling.batch ?? 1);
  for (let i = 0; i < (sampling.warmUp ?? 0); i++) await analyzeText(text, options);
  const decodeOnce = () => {
    const entry = readInput(text).entries[0];
    return entry ? extractMessages(entry)[0] : undefined;
  };
  const message = decodeOnce();
  const xml = message?.xml;
  const parsed = xml === undefined ? undefined : parseSamlMessages(xml)[0]?.parsed;
  if (!parsed) throw new Error('the input holds no message that parses');
  const trusted = (options.trustedCertificates ?? []).flatMap((pem) => parseCertificates(pem, 'options').certs);
  const parts = checkStructure(parsed).signatures.flatMap((sig) => {
    const read = readSignature(sig, parsed);
    return read.ok ? [read.parts] : [];
  });
  const octets = () =>
    parts.map((p) => ({
      references: p.references.map((r) => canonicalize(r.node, { algorithm: r.c14n, exclude: r.enveloped ? p.signature : undefined, inclusivePrefixes: r.prefixes })),
      signedInfo: encoder.encode(canonicalize(p.signedInfo, { algorithm: p.c14n, inclusivePrefixes: p.c14nPrefixes, keepComments: true })),
    }));
  const canonical = octets();
  const der = trusted[0]?.der ?? new Uint8Array();

  const full = await median(clock, runs, batch, () => analyzeText(text, options));
  const decode = await median(clock, runs, batch, decodeOnce);
  const parse = await median(clock, runs, batch, () => parseSamlMessages(xml!));
  const signatures = await median(clock, runs, batch, () => verifySignatures(parsed, { trusted, binding: message!.binding }));
  const c14n = await median(clock, runs, batch, octets);
  const digests = await median(clock, runs, batch, () => Promise.all(parts.flatMap((p, i) => p.references.map((r, j) => digestText(r.digestHash, canonical[i]!.references[j]!)))));
  const rsa = await median(clock, runs, batch, () => Promise.all(parts.map((p, i) => verifyWithCertificate(der, p.algorithm, p.signatureValue, canonical[i]!.signedInfo))));
  return { full, decode, parse, signatures, c14n, digests, rsa, rules: Math.max(0, full - decode - parse - signatures) };
}
