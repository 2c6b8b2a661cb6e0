// `npm run schema`: compiles the shipped SAML XSD files (lib/core/schema/xsd/) into lib/core/schema/model.generated.ts.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileSchemas } from './schema-compile';

const dir = fileURLToPath(new URL('../core/schema/xsd/', import.meta.url));
const out = new URL('../core/schema/model.generated.ts', import.meta.url);
writeFileSync(out, compileSchemas(dir));
console.log('lib/core/schema/model.generated.ts regenerated');
