// `saml-lens check --profile-file FILE` and `--sp-metadata FILE` end to end, in-process, on a generated flow that
// lacks a required attribute: what a new user does without writing code.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../lib/cli/main';
import { analyze } from '../../lib/core/analyze';
import { parseTrace } from '../../lib/core/trace';
import { readInput } from '../../lib/core/input';
import { buildResponse, loadTestKey, NAMEID, signXml } from '../../lib/samlgen';
import { tempFiles } from './run-cli';

const root = join(import.meta.dirname, '..', '..');
const { dir, file } = tempFiles('saml-lens-profile-');
const idp = loadTestKey('idp');
const ACME = join(root, 'test/fixtures/profiles/acme-hr.json');
const SP = 'https://hr.acme.example/saml';
const ACS = 'https://hr.acme.example/saml/acs';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((s: string) => ((err += s), true)) as typeof process.stderr.write;
  try {
    const code = await main(argv, (s) => {
      out += s;
    });
    return { code, out, err };
  } finally {
    process.stderr.write = write;
  }
}

interface Finding {
  rule: string;
  severity: string;
  message: string;
}
const findings = (out: string): Finding[] => {
  const doc = JSON.parse(out) as { findings: Finding[]; messages: Array<{ findings: Finding[] }> };
  return [...doc.findings, ...doc.messages.flatMap((m) => m.findings)];
};

/** A Response signed on both levels, SHA-256, e-mail NameID, for the Acme SP: only "roles" is missing. */
const response = file(
  'response.xml',
  signXml(
    buildResponse({
      issueInstant: '2027-03-01T10:00:00Z',
      destination: ACS,
      audiences: [SP],
      issuer: 'https://idp.example.test/metadata',
      nameId: { value: 'alice@example.test', format: NAMEID.email },
      attributes: [{ name: 'email', values: ['alice@example.test'] }],
    }),
    { key: idp, targets: ['root', 'assertion'] },
  ),
);
const cert = file('idp.pem', idp.certificatePem);

describe('--profile-file', () => {
  it('the example profile of issue 10 as a file: the missing "roles" is attribute-missing, exit 1', async () => {
    const { code, out } = await run('check', response, '--profile-file', ACME, '--idp-cert', cert, '--json');
    const all = findings(out);
    expect(all.filter((f) => f.severity === 'error').map((f) => [f.rule, f.message])).toEqual([
      ['attribute-missing', 'Attribute "roles" (access roles) is missing; Acme HR portal needs it.'],
    ]);
    expect(code).toBe(1);
    const human = await run('check', response, '--profile-file', ACME, '--idp-cert', cert, '--no-color');
    // Text wraps at 80 columns when not a terminal: read joined.
    expect(human.out.replace(/\s+/g, ' ')).toContain('attribute-missing Attribute "roles" (access roles) is missing; Acme HR portal needs it.');
  });

  it('extends another file, relative to the file that names it, which extends a built-in', async () => {
    const base = file('base.json', JSON.stringify({ name: 'Acme base', extends: 'generic', requiredAttributes: ['employeeNumber'] }));
    const child = file('child.json', JSON.stringify({ name: 'Acme HR', extends: './base.json', requiredAttributes: ['email'] }));
    expect(base).toContain(dir);
    const { out } = await run('check', response, '--profile-file', child, '--idp-cert', cert, '--json');
    expect(findings(out).filter((f) => f.rule === 'attribute-missing').map((f) => f.message)).toEqual([
      'Attribute "employeeNumber" (the "employeeNumber" attribute) is missing; Acme HR needs it.',
    ]);
  });

  it('a profile that extends itself, through files: a clear usage error, exit 2, no stack trace', async () => {
    const a = file('loop-a.json', JSON.stringify({ name: 'A', extends: './loop-b.json' }));
    file('loop-b.json', JSON.stringify({ name: 'B', extends: './loop-a.json' }));
    const { code, err, out } = await run('check', response, '--profile-file', a);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe(`saml-lens: profile file ${join(dir, 'loop-a.json')}: extends: the profile extends itself (loop-a.json -> loop-b.json -> loop-a.json)\n`);
  });

  it('unreadable, not JSON, missing base: usage errors that name the file', async () => {
    expect((await run('check', response, '--profile-file', join(dir, 'nope.json'))).err).toMatch(/cannot read profile file .*nope\.json: ENOENT/);
    expect((await run('check', response, '--profile-file', file('broken.json', '{ "name": '))).err).toMatch(/profile file .*broken\.json: not valid JSON/);
    const orphan = file('orphan.json', JSON.stringify({ name: 'O', extends: './gone.json' }));
    expect((await run('check', response, '--profile-file', orphan)).err).toMatch(/cannot read profile file .*gone\.json \(extended by orphan\.json\): ENOENT/);
    expect((await run('check', response, '--profile', 'slack', '--profile-file', ACME)).err).toMatch(/give --profile or --profile-file, not both/);
  });

  it('a profile that does not validate: the finding names the field, and judging goes on with generic', async () => {
    const bad = file('bad.json', JSON.stringify({ name: 'Acme', requiredAttributes: 'email', unknown: 1 }));
    const { code, out } = await run('check', response, '--profile-file', bad, '--idp-cert', cert, '--json');
    const config = findings(out).filter((f) => f.rule === 'config-invalid');
    expect(config.map((f) => f.message)).toEqual([
      'Profile "Acme" cannot be used: unknown: unknown field; expected one of id, name, summary, extends, sources, requiredAttributes, bareAttributeNames, nameIdFormat, refusedNameIdFormats, nameIdEmail, sign, requireSha256, requireResponseIssuer, jitOnlyIdpInitiated, acceptsEncryptedAssertions, readsFirstAttributeOnly, spEntityId, acsUrl, accountSid, severities; requiredAttributes: expected an array, got "email". Judging with the generic profile instead.',
    ]);
    expect(JSON.parse(out).summary.profile).toBe('generic');
    expect(JSON.parse(out).messages).toHaveLength(1);
    expect(code).toBe(1);
  });

  it('is stored in the trace it judged, so the trace can be judged again with the same profile', async () => {
    const child = file('stored.json', JSON.stringify({ name: 'Stored', extends: './base.json', requiredAttributes: ['email'] }));
    const out = join(dir, 'trace.json');
    expect((await run('convert', response, '--to', 'trace', '--profile-file', child, '--idp-cert', cert, '-o', out)).code).toBe(0);
    const trace = parseTrace(readFileSync(out, 'utf8')).trace!;
    expect(trace.settings.profileDocument).toEqual({
      name: 'Stored',
      extends: { name: 'Acme base', extends: 'generic', requiredAttributes: ['employeeNumber'] },
      requiredAttributes: ['email'],
    });
    expect(trace.verdicts[0]!.findings.filter((f) => f.rule === 'attribute-missing').map((f) => f.message)).toEqual([
      'Attribute "employeeNumber" (the "employeeNumber" attribute) is missing; Stored needs it.',
    ]);
    // The saved settings alone (no flag, no file) judge the same message the same way.
    const again = await analyze(readInput(readFileSync(response, 'utf8')).entries, trace.settings);
    expect(again.messages[0]!.findings.filter((f) => f.rule === 'attribute-missing')).toHaveLength(1);
  });
});

describe('--sp-metadata with two required attributes', () => {
  it('the one the flow lacks is attribute-missing, in the CLI', async () => {
    const md = file(
      'sp.xml',
      `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="${SP}"><md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">` +
        `<md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${ACS}" index="0"/>` +
        '<md:AttributeConsumingService index="0"><md:ServiceName xml:lang="en">HR</md:ServiceName>' +
        '<md:RequestedAttribute Name="email" isRequired="true"/><md:RequestedAttribute Name="employeeNumber" isRequired="true"/>' +
        '</md:AttributeConsumingService></md:SPSSODescriptor></md:EntityDescriptor>',
    );
    const { code, out } = await run('check', response, '--sp-metadata', md, '--idp-cert', cert, '--json');
    expect(findings(out).filter((f) => f.severity === 'error').map((f) => [f.rule, f.message])).toEqual([
      ['attribute-missing', 'Attribute "employeeNumber" (the "employeeNumber" attribute) is missing; the SP metadata marks it isRequired="true".'],
    ]);
    expect(code).toBe(1);
  });
});
