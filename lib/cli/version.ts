// One version for package.json, the extension manifest (WXT reads package.json) and `saml-lens --version`;
// esbuild inlines it into dist/cli.js, so the installed CLI reads no file at run time.
import pkg from '../../package.json';

export const VERSION: string = pkg.version;
