/** Values typed into the recorded flow (record-har.ts) so tests can look for them after redaction. Test-only. */
export const SAMPLE_PLANTED = {
  password: 'Sample-Pa55word-7731',
  username: 'carol.sample@fabrikam.example',
  displayName: 'Carol Samplewright',
} as const;

/** Cookie values the loopback SP and IdP set during the recording. */
export const SAMPLE_COOKIES = { pending: 'pend-4f1c9a7e', sp: 'spsess-93be77d0c1', idp: 'idpsess-5d2a8c61f0' } as const;
