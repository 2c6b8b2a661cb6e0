import { mountPanel } from '../../lib/ui';
import { pageContext } from '../../lib/extension/pages';

const { el, source, mode, devtoolsTheme } = pageContext('panel');
mountPanel(el, source, { mode, ...(devtoolsTheme ? { theme: devtoolsTheme } : {}) });
