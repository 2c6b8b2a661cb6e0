import type { ProfileDocument } from '../document';
import { generic } from './generic';
import { twilioConsole } from './twilio-console';
import { twilioFlex } from './twilio-flex';
import { sendgrid } from './sendgrid';
import { awsIamIdentityCenter } from './aws-iam-identity-center';
import { slack } from './slack';
import { googleWorkspace } from './google-workspace';
import { atlassianCloud } from './atlassian-cloud';
import { githubEnterpriseCloud } from './github-enterprise-cloud';

/** The built-in profiles, generic first, written as the same documents a person writes. */
export const BUILTIN_DOCUMENTS: readonly ProfileDocument[] = [
  generic,
  twilioConsole,
  twilioFlex,
  sendgrid,
  awsIamIdentityCenter,
  atlassianCloud,
  githubEnterpriseCloud,
  googleWorkspace,
  slack,
];
