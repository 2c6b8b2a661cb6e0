// `npm run bench`: SAML Lens's full check against the JavaScript libraries people use, in one process, and
// against the C floor (libxmlsec1 through python3-xmlsec, test/bench/c-floor.ts),
// plus the verifier's gzipped size in the browser bundle, the speed of scanning a 50 MB HAR, bounded time on
// adversarial inputs (test/bench/bounded.ts), and the DevTools panel over 5,000 captured requests in headless
// Chromium (test/bench/panel.ts; skipped without /usr/bin/chromium).
// SAML Lens as Node imports it (the package's main export): the core with Node's synchronous crypto, which every
// figure below in this process then uses (the extension's own are test/e2e/speed.test.ts's, with WebCrypto). The
// full checks are timed in the package's bundle (shipped.ts); the other figures call the core's modules directly.
import '../../lib/node/index';
import type { AnalyzeOptions } from '../../lib/core/model';
import { validateSchema } from '../../lib/core/schema';
import { parseSaml } from '../../lib/core/xml';
import { loadTestKey } from '../../lib/samlgen';
import { ensureBuilt, verifierChunk } from '../e2e/build';
import { boundedTime, manyMessagesLine } from './bounded';
import { cFloorComparison } from './c-floor';
import { bigHar } from './har';
import { BENCH_IDP, BENCH_SP, signedResponse } from './messages';
import { nodeSamlPeer, samlifyPeer, xmlCryptoPeer } from './peers';
import { redactionSpeed } from './redaction';
import { cliStartup } from './startup';
import { verdictCost } from './verdict';
import { panelSpeed } from './panel';
import { shippedCore } from './shipped';
import { fmt, median } from './timing';

const TARGETS = { typical: 8, large: 6 } as const;
const RUNS = { typical: 200, large: 7 } as const;
const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
const cert = loadTestKey('idp').certificatePem;
const options: AnalyzeOptions = {
  trustedCertificates: [cert],
  spEntityId: BENCH_SP.entityId,
  acsUrl: BENCH_SP.acs,
  idpEntityId: BENCH_IDP,
  at: 'now',
};
let failures = 0;
// SAML Lens's check as users run it: the package's bundle (shipped.ts).
const { analyze, analyzeText, readInput } = await shippedCore();

async function ours(base64: string) {
  return (await analyzeText(`SAMLResponse=${encodeURIComponent(base64)}`, options)).report;
}

async function sanity(size: 'typical' | 'large', xml: string, base64: string) {
  const report = await ours(base64);
  const statuses = report.messages[0]?.signatures.map((s) => s.status) ?? [];
  if (statuses.join() !== 'valid,valid') throw new Error(`SAML Lens did not verify both signatures of the ${size} message: ${statuses}`);
  if (report.summary.errors) throw new Error(`SAML Lens reported errors on the genuine ${size} message`);
  await nodeSamlPeer()(base64);
  await samlifyPeer()(base64);
  if (!xmlCryptoPeer()(xml)) throw new Error('xml-crypto rejected the genuine message');
}

async function compare(size: 'typical' | 'large') {
  const { xml, base64 } = signedResponse(size, now);
  await sanity(size, xml, base64);
  const runs = RUNS[size];
  const nodeSaml = nodeSamlPeer();
  const samlify = samlifyPeer();
  const xmlCrypto = xmlCryptoPeer();
  const results = {
    'SAML Lens (full check)': await median(() => ours(base64), runs),
    '@node-saml/node-saml validatePostResponseAsync': await median(() => nodeSaml(base64), runs),
    'samlify parseLoginResponse': await median(() => samlify(base64), runs),
    'xml-crypto checkSignature (both)': await median(() => xmlCrypto(xml), runs),
  };
  const [oursMs, ...peerMs] = Object.values(results);
  const fastestPeer = Math.min(...peerMs);
  console.log(`\n${size} signed Response: ${(xml.length / 1024).toFixed(1)} KB, median of ${runs} runs`);
  for (const [name, ms] of Object.entries(results)) {
    const ratio = name.startsWith('SAML Lens') ? '' : `  (SAML Lens is ${(ms / oursMs!).toFixed(1)}x faster)`;
    console.log(`  ${name.padEnd(48)} ${fmt(ms).padStart(10)}${ratio}`);
  }
  const ratio = fastestPeer / oursMs!;
  const ok = ratio >= TARGETS[size];
  if (!ok) failures++;
  console.log(`  target: at most 1/${TARGETS[size]} of the fastest peer -> ${ratio.toFixed(1)}x: ${ok ? 'met' : 'NOT MET'}`);
}

/** The schema check alone (lib/core/schema) on the typical signed Response: part of every full check. */
async function schemaCheck() {
  const { xml } = signedResponse('typical', now);
  const root = parseSaml(xml).parsed?.root;
  if (!root) throw new Error('the typical Response did not parse');
  if (validateSchema(root).violations.length) throw new Error('the typical Response does not validate against the SAML schemas');
  const ms = await median(() => validateSchema(root), 2000, 200);
  const ok = ms < 0.2;
  if (!ok) failures++;
  console.log(`\nschema check (SAML 2.0 XSDs) of the typical Response: ${ms.toFixed(3)} ms, median of 2000 runs; target under 0.2 ms: ${ok ? 'met' : 'NOT MET'}`);
}

/** The verifier chunk of the real extension build (built first when older than its sources). */
async function verifierSize() {
  let line: string;
  let ok = false;
  try {
    await ensureBuilt();
    const chunk = verifierChunk();
    ok = chunk.gzipBytes <= 100 * 1024;
    line = `${(chunk.gzipBytes / 1024).toFixed(1)} KB gzipped (${chunk.file}, ${(chunk.bytes / 1024).toFixed(1)} KB minified); target 100 KB: ${ok ? 'met' : 'NOT MET'}`;
  } catch (error) {
    line = `not measured: ${error instanceof Error ? error.message : String(error)}`;
  }
  if (!ok) failures++;
  console.log(`\nverifier in the extension build (lib/core/signature + xml, xml-crypto c14n, xmldom, hashes): ${line}`);
}

async function harScan() {
  const text = bigHar(50, now);
  const parseMs = await median(() => JSON.parse(text), 3, 1);
  let messages = 0;
  const scanMs = await median(
    async () => {
      const input = readInput(text, { name: 'bench.har' });
      messages = (await analyze(input.entries, options)).messages.length;
    },
    3,
    1,
  );
  const ok = scanMs <= 2 * parseMs && messages === 2;
  if (!ok) failures++;
  console.log(
    `\n${(text.length / 1024 / 1024).toFixed(0)} MB HAR: JSON.parse ${fmt(parseMs)}, SAML Lens scan (read + analyze, ${messages} messages) ${fmt(scanMs)}` +
      ` = ${(parseMs / scanMs).toFixed(2)}x the speed of JSON.parse; target at least 0.5x: ${ok ? 'met' : 'NOT MET'}`,
  );
}

/** `npx saml-lens check` as a person runs it: a new process, against a bare `node -e 0`. */
function startup() {
  const s = cliStartup(signedResponse('typical', now).xml);
  const signed = (ms: number) => (ms < 0 ? `-${fmt(-ms)}` : `+${fmt(ms)}`);
  const ok = s.extra <= 40;
  if (!ok) failures++;
  console.log(
    `\nCLI cold start on the typical message (${s.runs} paired runs, medians): node -e 0 ${fmt(s.node)}, saml-lens check ${fmt(s.cli)}` +
      `; difference ${signed(s.extra)} (smallest ${signed(s.extraMin)}; ${signed(s.uncachedExtra)} on a first start, before the code cache exists;` +
      ` \`saml-lens --version\` ${signed(s.versionExtra)})` +
      `; target: difference at most +40 ms: ${ok ? 'met' : 'NOT MET'}`,
  );
}

console.log(`SAML Lens benchmark on Node ${process.version}`);
if (process.argv.includes('--many-messages')) {
  // `npm run bench -- --many-messages`: only the 30,000-message HAR line, to rerun that figure alone.
  process.exitCode = await manyMessagesLine();
  process.exit();
}
// `npm run bench -- --panel`: only the DevTools panel over 5,000 captured requests (issue 9).
if (process.argv.includes('--panel')) {
  failures += await panelSpeed();
  console.log(failures ? `\n${failures} target(s) not met` : '\nall targets met');
  process.exit(failures ? 1 : 0);
}
// `npm run bench -- --startup`: only the CLI's cold start.
if (process.argv.includes('--startup')) {
  startup();
  process.exit(failures ? 1 : 0);
}
// `npm run bench -- --c-floor`: only the comparison with libxmlsec1 (issue 13).
if (process.argv.includes('--c-floor')) {
  failures += await cFloorComparison(now, options);
  console.log(failures ? `\n${failures} target(s) not met` : '\nall targets met');
  process.exit(failures ? 1 : 0);
}
// First: on a loaded machine the JavaScript peers' large runs can outlast the messages' validity window.
failures += await cFloorComparison(now, options);
await compare('typical');
await compare('large');
await schemaCheck();
await verifierSize();
await harScan();
failures += await verdictCost(now, options);
failures += await redactionSpeed();
failures += await manyMessagesLine();
failures += await boundedTime();
failures += await panelSpeed();
startup();
console.log(failures ? `\n${failures} target(s) not met` : '\nall targets met');
process.exitCode = failures ? 1 : 0;
