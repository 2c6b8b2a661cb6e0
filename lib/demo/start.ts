// `npm start`: build the extension, start the demo SP and IdP, open a browser with everything loaded.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { findBrowser, launchBrowser } from './browser';
import { startDemo } from './servers';
import { unpackedExtensionId } from './extension-id';

const root = fileURLToPath(new URL('../..', import.meta.url));
const extensionDir = fileURLToPath(new URL('../../.output/chrome-mv3', import.meta.url));
const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const portArg = argv.find((a) => a.startsWith('--port='));

async function main(): Promise<void> {
  if (!flag('no-build')) {
    console.log('Building the extension (wxt build)…');
    const build = spawnSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
    if (build.status !== 0) {
      console.error('The extension did not build; see the output above.');
      process.exit(1);
    }
  }
  if (!existsSync(extensionDir)) {
    console.error(`No built extension at ${extensionDir}: run without --no-build.`);
    process.exit(1);
  }

  const demo = await startDemo({ port: portArg ? Number(portArg.slice('--port='.length)) : 7001, extensionId: unpackedExtensionId(extensionDir) });
  console.log(`
Demo service provider:  ${demo.spUrl}   (entity ID ${demo.sp.entityId}, ACS ${demo.sp.acsUrl})
Demo identity provider: ${demo.idpUrl}   (entity ID ${demo.idp.entityId})
Start page:             ${demo.startUrl}
Extension (unpacked):   ${extensionDir}
`);

  // A headed browser needs a display; on a Linux box without one, serve the demo and say what to open.
  const noDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
  const browser = flag('no-browser') || noDisplay ? undefined : findBrowser();
  let launched: ReturnType<typeof launchBrowser> | undefined;
  // One stop however many ways it is asked for: Ctrl+C signals npm, tsx and this process at once, and the
  // browser's own exit comes during it. The profile goes only once the browser has let go of it.
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      await launched?.stop();
      await demo.close();
      process.exit(0);
    })();
  };

  if (browser) {
    console.log(`Opening ${browser} with SAML Lens loaded and DevTools open. Choose the "SAML" panel in DevTools.`);
    launched = launchBrowser(browser, extensionDir, demo.startUrl);
    launched.child.on('exit', () => {
      if (!stopping) console.log('Browser closed; stopping the demo.');
      stop();
    });
    launched.child.on('error', (error) => console.error(`Could not start ${browser}: ${error.message}`));
  } else {
    console.log(
      `${flag('no-browser') ? 'Not opening a browser (--no-browser).' : noDisplay ? 'No display (DISPLAY is not set): not opening a browser.' : 'No Chrome or Chromium found (set SAML_LENS_BROWSER to its path).'}\n` +
        `Load ${extensionDir} as an unpacked extension (chrome://extensions, Developer mode, Load unpacked) and open ${demo.startUrl}.`,
    );
  }
  console.log('Press Ctrl+C to stop.');

  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
