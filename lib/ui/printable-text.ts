import { options, type VNode } from 'preact';
import { printableInPage } from './engine';

/*
 * Every text the UI shows passes through here as Preact creates its text node: a captured value holding a
 * control character or a bidirectional override (U+202E shows an Issuer, a URL or a file name in another order
 * than its characters: Trojan Source, CVE-2021-42574) is shown with that character as its escape (`\u202e`), as
 * the CLI and the reports show it. One hook rather than a call in each component, so no view can forget it;
 * what is copied, exported or searched stays as captured. Element attributes (titles) are not text nodes and
 * are not rewritten.
 */
const previous = options.vnode;
options.vnode = (vnode: VNode) => {
  if (vnode.type === null && typeof vnode.props === 'string') (vnode as { props: unknown }).props = printableInPage(vnode.props);
  previous?.(vnode);
};
