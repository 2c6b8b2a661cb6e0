// `npm run conformance -- DIR...`: runs SAML Lens on labelled corpora (MANIFEST.tsv form, see
// ../shared/corpus/README.md) and prints, per verdict class, how many rows it agrees with and each
// disagreement, and compares each row's signatures with its xmlsec1 column. Exit code 1 when a signature class
// (valid, signature-invalid, wrapped, no-signature) or xmlsec1 disagrees and conformance-notes.md does not say why.
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { analyzeText } from '../core/analyze';
import type { Report } from '../core/model';

interface Row {
  line: number;
  path: string;
  kind: string;
  encoding: string;
  verdict: string;
  reasonCode: string;
  reason: string;
  conditions: string;
  settings: string;
  xmlsec1: string;
}

const SIGNATURE_ERRORS = new Set([
  'signature-invalid',
  'signature-untrusted',
  'signature-wrapping',
  'redirect-signature-missing-sigalg',
  'assertion-multiple',
  'xml-doctype',
  'xml-refused',
]);
const SIGNATURE_CLASSES = new Set(['valid', 'signature-invalid', 'wrapped', 'no-signature']);

function readManifest(dir: string): Row[] {
  const lines = readFileSync(join(dir, 'MANIFEST.tsv'), 'utf8').split(/\r?\n/);
  const header = lines[0]!.split('\t');
  const col = (name: string) => header.indexOf(name);
  return lines.slice(1).flatMap((l, i) => {
    if (!l.trim()) return [];
    const c = l.split('\t');
    return [{ line: i + 2, path: c[col('path')]!, kind: c[col('kind')]!, encoding: c[col('encoding')]!, verdict: c[col('verdict')]!, reasonCode: c[col('reason_code')]!, reason: c[col('reason')] ?? '', conditions: c[col('conditions')] ?? '', settings: c[col('settings_or_cert')]!, xmlsec1: c[col('xmlsec1_check')] ?? '' }];
  });
}

/** The certificate files a row trusts, read from its settings_or_cert prose. */
function trustedCertPaths(dir: string, s: string): string[] {
  const replaced = /replaced by (\S+)/.exec(s)?.[1];
  if (replaced) return [replaced];
  const multi = /x509certMulti signing certs = (\S+?)(\d)\.pem, _signing(\d)\.pem/.exec(s);
  if (multi) return [`${multi[1]}${multi[2]}.pem`, `${multi[1]}${multi[3]}.pem`];
  if (/settings8\.json/.test(s)) return ['derived_certs/idp_settings8_signing0.pem', 'derived_certs/idp_settings8_signing1.pem'];
  const embedded = /embedded cert (\S+\.pem)/.exec(s)?.[1];
  if (embedded) return [embedded];
  const named = /(?:trust IdP cert|trust|idpCert:)\s+([\w./-]+)/.exec(s)?.[1];
  if (named && existsSync(join(dir, named))) return [named];
  if (/settings1(\.json)?/.test(s)) return ['data/customPath/certs/idp.crt'];
  if (/settings2(\.json)?/.test(s)) return ['derived_certs/idp_settings2.pem'];
  return [];
}

/**
 * What a row trusts: the fingerprint its settings configure (python3-saml's certFingerprint, or the wrong one
 * a negative test passes), else the certificate files. SAML Lens takes fingerprints as trust anchors too.
 */
function trustedTexts(dir: string, row: Row): string[] {
  const fingerprint = /certFingerprint=([0-9a-f]{40,64})\b/.exec(row.settings)?.[1] ?? /with fingerprint ([0-9a-f]{40,64})\b/.exec(row.reason)?.[1];
  if (fingerprint) return [fingerprint];
  return trustedCertPaths(dir, row.settings).map((p) => readFileSync(join(dir, p), 'utf8'));
}

function spKeyPath(s: string): string | undefined {
  return /(?:decrypt key|decryptionPvk)\s+([\w./-]+)/.exec(s)?.[1];
}

/** The row's message as a user would paste it: XML, base64, or a Redirect URL. */
function inputText(dir: string, row: Row): string {
  const raw = readFileSync(join(dir, row.path), 'utf8');
  const param = /response/i.test(row.kind) ? 'SAMLResponse' : 'SAMLRequest';
  if (row.encoding.startsWith('deflated-base64')) {
    // Rebuild the Redirect URL the test decoded (no query signature in these rows).
    const compact = raw.replace(/\s+/g, '');
    inflateRawSync(Buffer.from(compact, 'base64')); // fail early on a bad row
    return `https://sp.example.test/sls?${param}=${encodeURIComponent(compact)}`;
  }
  if (row.encoding.startsWith('json')) {
    const p = JSON.parse(raw) as Record<string, string>;
    // The query exactly as received, when the corpus kept it: its raw octets are what was signed.
    // Mutations the upstream test applies in memory (the conditions column says which).
    const replacedSignature = /Signature param replaced by "([^"]*)"/.exec(row.conditions)?.[1];
    if (p.originalQuery) {
      const q = replacedSignature === undefined ? p.originalQuery : p.originalQuery.replace(/Signature=[^&]*/, `Signature=${encodeURIComponent(replacedSignature)}`);
      return `https://sp.example.test/sls?${q}`;
    }
    if (replacedSignature !== undefined) p.Signature = replacedSignature;
    const key = p.SAMLResponse !== undefined ? 'SAMLResponse' : 'SAMLRequest';
    const parts = [`${key}=${encodeURIComponent(p[key]!)}`];
    if (p.RelayState !== undefined) parts.push(`RelayState=${encodeURIComponent(p.RelayState)}`);
    if (p.SigAlg !== undefined) parts.push(`SigAlg=${encodeURIComponent(p.SigAlg)}`);
    if (p.Signature !== undefined) parts.push(`Signature=${encodeURIComponent(p.Signature)}`);
    return `https://sp.example.test/sls?${parts.join('&')}`;
  }
  return raw;
}

/**
 * A `valid` row SAML Lens refuses only because the trusted RSA key is shorter than 2048 bits: every signature
 * verified (`untrusted`, "too weak to trust", never `invalid`) and certificate-key-weak is the only objection.
 */
function keySizePolicyOnly(report: Report, errors: Array<{ rule: string }>): boolean {
  const sigs = report.messages.flatMap((m) => m.signatures);
  return (
    errors.some((e) => e.rule === 'certificate-key-weak') &&
    errors.every((e) => e.rule === 'certificate-key-weak' || !SIGNATURE_ERRORS.has(e.rule)) &&
    sigs.every((s) => s.status === 'valid' || (s.status === 'untrusted' && /too weak to trust/.test(s.reason)))
  );
}

function judge(verdict: string, report: Report): { agree: boolean; said: string; policy?: string } {
  const errors = report.messages.flatMap((m) => m.findings).concat(report.findings).filter((f) => f.severity === 'error');
  const sigErrors = errors.filter((f) => SIGNATURE_ERRORS.has(f.rule));
  const statuses = report.messages.flatMap((m) => m.signatures.map((s) => `${s.target}=${s.status}`));
  const valid = report.messages.flatMap((m) => m.signatures).filter((s) => s.status === 'valid');
  const said = `signatures [${statuses.join(', ') || 'none'}]; errors [${[...new Set(errors.map((e) => e.rule))].join(', ') || 'none'}]`;
  switch (verdict) {
    case 'valid': {
      // Rows labelled valid include unsigned requests (validity there is semantic): what must hold is that
      // no signature is flagged and none is left unverified (e.g. an assertion that could not be decrypted).
      const notValid = report.messages.flatMap((m) => m.signatures).filter((s) => s.status !== 'valid');
      const undecrypted = errors.some((e) => e.rule === 'encryption-failed');
      const agree = report.messages.length > 0 && sigErrors.length === 0 && notValid.length === 0 && !undecrypted;
      return { agree, said, policy: !agree && !undecrypted && keySizePolicyOnly(report, errors) ? 'certificate-key-weak' : undefined };
    }
    case 'signature-invalid':
    case 'wrapped': {
      // A refused or failing signature verdict is a flag even where the rule layer softens the finding
      // (analyze.ts makes logout-signature failures warnings when the sender is unknown).
      const refused = report.messages.flatMap((m) => m.signatures).some((s) => s.status === 'invalid' || (s.status === 'unchecked' && s.failure !== 'no-key'));
      return { agree: sigErrors.length > 0 || refused, said };
    }
    case 'no-signature':
      return { agree: valid.length === 0 && errors.length > 0, said };
    default:
      return { agree: errors.length > 0, said };
  }
}

/**
 * The row's xmlsec1 column ("Response=OK; Assertion=FAIL(digest mismatch) [cert=…]", "dec:" for a signature
 * inside a decrypted assertion) against SAML Lens's verdicts: per signed element kind, as many verified as
 * xmlsec1 verified. A signature refused only by the key-size policy counts as verified (xmlsec1 checks no
 * key size). Undefined when the column has no signature verdicts.
 */
function xmlsecAgrees(row: Row, report: Report): boolean | undefined {
  const column = row.xmlsec1.replace(/\s*\[cert=[^\]]*\]\s*$/, '');
  const checks = [...column.matchAll(/(?:dec:)?(\w+)=(OK|FAIL)/g)].map((m) => `${m[1]}=${m[2]}`);
  if (checks.length === 0) return undefined;
  const ours = report.messages
    .flatMap((m) => m.signatures)
    .filter((s) => s.form === 'xml')
    .map((s) => `${s.targetKind}=${s.status === 'valid' || (s.status === 'untrusted' && /too weak to trust/.test(s.reason)) ? 'OK' : 'FAIL'}`);
  return checks.sort().join(';') === ours.sort().join(';');
}

/** Row ids (`corpus:line`, `xmlsec1:corpus:line`) and policies (`policy:rule-slug`) that conformance-notes.md explains. */
function explainedRows(): Set<string> {
  const notes = readFileSync(new URL('./conformance-notes.md', import.meta.url), 'utf8');
  return new Set([...notes.matchAll(/`([\w.-]+(?::[\w.-]+)+)`/g)].map((m) => m[1]!));
}

async function runCorpus(dir: string, explained: Set<string>): Promise<{ rows: number; signatureDisagreements: number; unexplained: string[] }> {
  const corpus = basename(resolve(dir));
  if (!existsSync(join(dir, 'MANIFEST.tsv'))) {
    console.log(`\n${dir}: skipped, ${existsSync(dir) ? 'no MANIFEST.tsv in it' : 'no such folder'} (the corpora live in ../shared/corpus/*/)`);
    return { rows: 0, signatureDisagreements: 0, unexplained: [] };
  }
  const unexplained: string[] = [];
  const rows = readManifest(dir);
  const tally = new Map<string, { agree: number; total: number }>();
  const disagreements: string[] = [];
  let signatureDisagreements = 0;
  let byPolicy = 0;
  const xmlsec = { agree: 0, total: 0 };
  const xmlsecDisagreements: string[] = [];
  for (const row of rows) {
    const t = tally.get(row.verdict) ?? { agree: 0, total: 0 };
    tally.set(row.verdict, t);
    t.total++;
    let agree = false;
    let said = '';
    let policy: string | undefined;
    let oracle: boolean | undefined;
    try {
      const certs = trustedTexts(dir, row);
      const key = spKeyPath(row.settings);
      const spPrivateKeyPem = key && existsSync(join(dir, key)) ? readFileSync(join(dir, key), 'utf8') : undefined;
      const input = inputText(dir, row);
      const { report } = await analyzeText(input, { trustedCertificates: certs, spPrivateKeyPem });
      ({ agree, said, policy } = judge(row.verdict, report));
      // The oracle is asked with the certificate xmlsec1 was given, which is not always the one the label's test trusts.
      const oracleCert = /\[cert=([^\]]+)\]/.exec(row.xmlsec1)?.[1];
      const sameCert = !oracleCert || !existsSync(join(dir, oracleCert)) || trustedCertPaths(dir, row.settings).includes(oracleCert);
      const oracleReport = sameCert ? report : (await analyzeText(input, { trustedCertificates: [readFileSync(join(dir, oracleCert), 'utf8')], spPrivateKeyPem })).report;
      oracle = xmlsecAgrees(row, oracleReport);
      if (!sameCert) said += ` (with xmlsec1's certificate ${oracleCert}: signatures [${oracleReport.messages.flatMap((m) => m.signatures.map((v) => `${v.target}=${v.status}`)).join(', ')}])`;
    } catch (e) {
      said = `script error: ${e instanceof Error ? e.message : String(e)}`;
    }
    if (oracle !== undefined) {
      xmlsec.total++;
      if (oracle) xmlsec.agree++;
      else {
        const id = `${corpus}:${row.line}`;
        xmlsecDisagreements.push(`  line ${row.line} ${row.path}: xmlsec1 says ${row.xmlsec1.replace(/\s*\[cert=.*$/, '')}; SAML Lens says ${said}${explained.has(`xmlsec1:${id}`) ? ' (explained in conformance-notes.md)' : ' (UNEXPLAINED)'}`);
        if (!explained.has(`xmlsec1:${id}`)) unexplained.push(`xmlsec1:${id}`);
      }
    }
    if (agree) t.agree++;
    else {
      const id = `${corpus}:${row.line}`;
      const why = policy && explained.has(`policy:${policy}`) ? `policy:${policy}` : id;
      const note = SIGNATURE_CLASSES.has(row.verdict) ? (explained.has(why) ? ` (explained in conformance-notes.md${policy ? `: ${why}` : ''})` : ' (UNEXPLAINED)') : '';
      if (SIGNATURE_CLASSES.has(row.verdict)) {
        signatureDisagreements++;
        if (policy) byPolicy++;
        if (!explained.has(why)) unexplained.push(id);
      }
      disagreements.push(`  line ${row.line} ${row.path} [${row.verdict} ${row.reasonCode}]: SAML Lens says ${said}${note}`);
    }
  }
  console.log(`\n${dir} (${rows.length} rows)`);
  for (const [verdict, t] of [...tally].sort()) {
    console.log(`  ${verdict.padEnd(18)} ${t.agree}/${t.total} agree${SIGNATURE_CLASSES.has(verdict) ? '' : '   (semantic class: informational)'}`);
  }
  if (disagreements.length) console.log(`  disagreements:\n${disagreements.join('\n')}`);
  console.log(`  xmlsec1 column     ${xmlsec.agree}/${xmlsec.total} rows: every signature verified exactly where xmlsec1 verified it`);
  if (xmlsecDisagreements.length) console.log(`  disagreements with xmlsec1:\n${xmlsecDisagreements.join('\n')}`);
  if (byPolicy) console.log(`  ${byPolicy} signature-class row(s) differ only by the key-size policy (the signatures verify; the trusted RSA key is under 2048 bits)`);
  return { rows: rows.length, signatureDisagreements, unexplained };
}

const dirs = process.argv.slice(2);
if (dirs.length === 0) {
  console.error('usage: npm run conformance -- CORPUS_DIR...  (folders holding a MANIFEST.tsv)');
  process.exit(2);
}
const explained = explainedRows();
let disagree = 0;
const unexplained: string[] = [];
for (const dir of dirs) {
  const r = await runCorpus(dir, explained);
  disagree += r.signatureDisagreements;
  unexplained.push(...r.unexplained);
}
console.log(
  `\n${disagree === 0 ? 'every signature-class row agrees' : `${disagree} signature-class row(s) disagree, ${disagree - unexplained.length} of them explained in conformance-notes.md`}`,
);
if (unexplained.length) console.log(`unexplained: ${unexplained.join(', ')}`);
process.exit(unexplained.length === 0 ? 0 : 1);
