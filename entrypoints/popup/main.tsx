import { render } from 'preact';
import { Popup } from './Popup';
import { createExtensionDataSource } from '../../lib/extension/data-source';
import { openExtensionPage } from '../../lib/extension/open-page';

render(<Popup source={createExtensionDataSource()} open={openExtensionPage} />, document.getElementById('app') ?? document.body);
