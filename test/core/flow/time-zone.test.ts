// A capture is judged alike on every machine: SAML times without a zone are UTC (saml-core §1.3.3), not the
// local time of whoever runs the check.
import { afterEach, describe, expect, it } from 'vitest';
import { analyze } from '../../../lib/core/analyze';
import { readInput } from '../../../lib/core/input';
import { ACS, at, postEntry, response } from '../rules/build';
import { allFindings } from '../rules/find';

const original = process.env.TZ;
afterEach(() => {
  process.env.TZ = original;
});

/** A Response whose every time is written without its `Z`, as some IdP code does. */
const zoneless = response({}, []).replace(/(IssueInstant|NotBefore|NotOnOrAfter|AuthnInstant|SessionNotOnOrAfter)="([^"]+?)Z"/g, '$1="$2"');

async function timeFindings(): Promise<string[]> {
  const report = await analyze([postEntry('SAMLResponse', zoneless, ACS, at(2))], { acsUrl: ACS });
  return allFindings(report)
    .filter((f) => /clock-skew|assertion-expired|assertion-not-yet-valid|time/.test(f.rule))
    .map((f) => `${f.rule}: ${f.message}`);
}

describe('times without a zone', () => {
  it('are judged as UTC, whatever the machine’s time zone', async () => {
    expect(zoneless).toMatch(/IssueInstant="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d"/);
    const judged: string[][] = [];
    for (const tz of ['UTC', 'Europe/Berlin', 'America/Los_Angeles', 'Asia/Kolkata']) {
      process.env.TZ = tz;
      judged.push(await timeFindings());
    }
    expect(judged[0]).toEqual([]);
    for (const j of judged) expect(j).toEqual(judged[0]);
  });

  it('in --at and in a HAR’s startedDateTime are UTC too', async () => {
    process.env.TZ = 'America/Los_Angeles';
    const report = await analyze([postEntry('SAMLResponse', zoneless, ACS, undefined)], { at: at(2).replace(/Z$/, '') });
    expect(report.summary.at).toBe(new Date(at(2)).toISOString());
    const minutes = await analyze([postEntry('SAMLResponse', zoneless, ACS, undefined)], { at: '2027-03-01T10:05' });
    expect(minutes.summary.at).toBe('2027-03-01T10:05:00.000Z');
    const har = JSON.stringify({ log: { version: '1.2', entries: [{ startedDateTime: '2027-03-01T10:00:02.000', request: { method: 'GET', url: 'https://sp.example.test/', headers: [] }, response: { status: 200, headers: [] } }] } });
    expect(readInput(har).entries[0]!.capturedAt).toBe('2027-03-01T10:00:02.000Z');
  });

  it('a day the month does not have is no instant: the schema check names it, no time rule reads it as the next month', async () => {
    // JavaScript reads 2026-02-30 as March 2; SPs' XML parsers refuse it.
    const impossible = response({}, []).replace(/NotOnOrAfter="[^"]+"/g, 'NotOnOrAfter="2026-02-30T00:00:00Z"');
    const report = await analyze([postEntry('SAMLResponse', impossible, ACS, at(2))], { acsUrl: ACS, at: '2030-06-01T00:00:00Z' });
    const findings = allFindings(report);
    expect(findings.filter((f) => f.rule === 'assertion-expired')).toEqual([]);
    expect(findings.find((f) => f.rule === 'schema-invalid')?.message).toContain('"2026-02-30T00:00:00Z"');
    expect(JSON.stringify(report)).not.toContain('2026-03-02');
  });
});
