import type { CheckRule } from './rule';
import { entityForSourceId } from '../binding';
import { listSome } from './helpers';

export const artifactSourceUnknown: CheckRule = {
  slug: 'artifact-source-unknown',
  severity: 'info',
  title: 'Artifact SourceID matches no known entity',
  why: 'With the HTTP-Artifact binding only a reference (SAMLart) crosses the browser; the receiver fetches the message over a back channel from the party whose entity ID hashes (SHA-1) to the artifact\'s SourceID. If the SourceID matches no IdP the receiver knows, it cannot resolve the artifact.',
  fix: {
    general: 'Make sure the receiver has the sender\'s metadata (entity ID and ArtifactResolutionService endpoint). The message itself cannot be seen in a browser capture; check the back-channel logs of IdP and SP.',
  },
  spec: 'saml-bindings §3.6.4 (artifact format, SourceID)',
  check(ctx) {
    const art = ctx.message.artifact;
    if (!art || ctx.message.parameter !== 'SAMLart') return [];
    const ids = ctx.flow.entityIds;
    if (entityForSourceId(ids, art.sourceId) !== undefined) return [];
    const compared = ids.length
      ? `matches none of the ${ids.length} entity ID${ids.length === 1 ? '' : 's'} seen in this trace or configured (${listSome(ids)})`
      : 'cannot be matched: no entity ID was seen in the trace or configured';
    return [{ message: `Artifact SourceID ${art.sourceId} ${compared}. The message itself travels over the back channel and cannot be inspected here.` }];
  },
};
