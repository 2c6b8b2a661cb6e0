import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileSchemas } from '../../../lib/scripts/schema-compile';

const dir = fileURLToPath(new URL('../../../lib/core/schema/xsd/', import.meta.url));

describe('compiled schema model', () => {
  it('is what the shipped XSDs compile to (run `npm run schema` when this fails)', () => {
    const committed = readFileSync(new URL('../../../lib/core/schema/model.generated.ts', import.meta.url), 'utf8');
    expect(committed).toBe(compileSchemas(dir));
  });
});
