import { mountPanel } from '../../lib/ui';
import { pageContext } from '../../lib/extension/pages';
import { mountOfferBanner } from '../../lib/extension/offer-banner';

const { el, source, mode, devtoolsTheme } = pageContext('options');
mountOfferBanner(document.getElementById('offer') ?? el);
mountPanel(el, source, { mode, ...(devtoolsTheme ? { theme: devtoolsTheme } : {}) });
