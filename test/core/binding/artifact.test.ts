import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { artifactSourceId, extractMessages } from '../../../lib/core/binding';
import { entry } from './helpers';

const IDP = 'https://idp.example.test/metadata';

function artifact(typeCode: number, endpointIndex: number, sourceId: Buffer, handle: Buffer): string {
  const head = Buffer.alloc(4);
  head.writeUInt16BE(typeCode, 0);
  head.writeUInt16BE(endpointIndex, 2);
  return Buffer.concat([head, sourceId, handle]).toString('base64');
}

describe('HTTP-Artifact', () => {
  it('artifactSourceId is the hex SHA-1 of the entity ID', () => {
    expect(artifactSourceId('abc')).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(artifactSourceId(IDP)).toBe(createHash('sha1').update(IDP).digest('hex'));
  });

  it('parses SAMLart from the query: type, endpoint index, SourceID matching the issuer, handle', () => {
    const handle = randomBytes(20);
    const art = artifact(4, 2, createHash('sha1').update(IDP).digest(), handle);
    const [m, ...rest] = extractMessages(entry({ url: `https://sp/acs?SAMLart=${encodeURIComponent(art)}&RelayState=r1` }));
    expect(rest).toEqual([]);
    expect(m).toMatchObject({ binding: 'HTTP-Artifact', parameter: 'SAMLart', relayState: 'r1', problems: [] });
    expect(m?.xml).toBeUndefined();
    expect(m?.artifact).toEqual({
      raw: art,
      typeCode: 4,
      endpointIndex: 2,
      sourceId: artifactSourceId(IDP),
      messageHandle: handle.toString('hex'),
    });
  });

  it('parses SAMLart from a POST form', () => {
    const art = artifact(4, 0, randomBytes(20), randomBytes(20));
    const [m] = extractMessages(entry({ method: 'POST', url: 'https://sp/acs', formFields: [['SAMLart', art]] }));
    expect(m?.artifact?.typeCode).toBe(4);
    expect(m?.steps[0]?.name).toBe('form field SAMLart');
  });

  it('reports a wrong-length or unknown-type artifact as decode-failed', () => {
    const short = Buffer.from([0, 4, 0, 0, 1, 2, 3]).toString('base64');
    const [a] = extractMessages(entry({ url: `https://sp/acs?SAMLart=${encodeURIComponent(short)}` }));
    expect(a?.artifact).toBeUndefined();
    expect(a?.problems[0]).toMatchObject({ rule: 'decode-failed' });
    expect(a?.problems[0]?.message).toMatch(/44 bytes, this one is 7/);

    const other = artifact(9, 0, randomBytes(20), randomBytes(20));
    const [b] = extractMessages(entry({ url: `https://sp/acs?SAMLart=${encodeURIComponent(other)}` }));
    expect(b?.problems[0]?.message).toMatch(/type code 0x0009/);
  });
});
