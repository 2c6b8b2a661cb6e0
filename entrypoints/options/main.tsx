import { render } from 'preact';
import { pageContext } from '../../lib/extension/pages';

const { el } = pageContext('options');
// Placeholder until lib/ui's mountPanel lands.
render(<p>SAML Lens options: the user interface is being built.</p>, el);
