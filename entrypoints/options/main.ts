import { mountPanel } from '../../lib/ui';
import { pageContext } from '../../lib/extension/pages';

const { el, source, mode, devtoolsTheme } = pageContext('options');
mountPanel(el, source, { mode, ...(devtoolsTheme ? { theme: devtoolsTheme } : {}) });
