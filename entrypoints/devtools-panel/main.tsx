import { render } from 'preact';
import { pageContext } from '../../lib/extension/pages';

const { el } = pageContext('panel');
// Placeholder until lib/ui's mountPanel lands.
render(<p>SAML Lens panel: the user interface is being built.</p>, el);
