import { render } from 'preact';
import { pageContext } from '../../lib/extension/pages';

const { el } = pageContext('viewer');
// Placeholder until lib/ui's mountPanel lands.
render(<p>SAML Lens viewer: the user interface is being built.</p>, el);
