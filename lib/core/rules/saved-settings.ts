import type { StageRule } from './rule';

export const savedSettings: StageRule = {
  slug: 'saved-settings',
  severity: 'info',
  raisedBy: 'input',
  title: 'Settings saved in a trace file',
  why: 'A SAML Lens trace keeps the settings of whoever captured it: trusted IdP certificates, IdP and SP metadata, expected entity IDs. A file can come from anyone, and a certificate taken from it would let a forged message verify with the forger\'s own key. So saved settings are never applied on their own: this note says what the file carries, or that you chose to apply it.',
  fix: {
    general:
      'To judge with your own trust, give SAML Lens the IdP certificate or metadata you got from the IdP (in the extension, Settings > Identity provider; in the CLI, --idp-cert or --idp-metadata).\nIf you made the file yourself, or trust whoever sent it, apply its settings: "Apply these settings" where the viewer offers them, or --use-saved-settings in the CLI (flags you give still take precedence).',
  },
  spec: 'saml-metadata §2.4.1.1 (KeyDescriptor: trust comes from metadata you obtained, not from the message)',
};
