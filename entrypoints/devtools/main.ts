import { createDevtoolsPanel } from '../../lib/extension/devtools';

createDevtoolsPanel();
