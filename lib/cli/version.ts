// One version for package.json, the extension manifest (WXT reads package.json) and `saml-lens --version`;
// esbuild inlines it into dist/cli.js, so the installed CLI reads no file at run time. The named import keeps
// only the version in the bundle, not the whole package.json built as an object at every start.
import { version } from '../../package.json';

export const VERSION: string = version;
