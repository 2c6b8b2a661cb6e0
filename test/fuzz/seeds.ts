// What the fuzzer mutates: every committed fixture (XML messages, HAR flows, forged URLs, HARs and wresults) and
// the HAR files real browsers saved (test/samples).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface Seed {
  name: string;
  text: string;
  kind: 'xml' | 'har' | 'text';
}

const dirs = [...['signatures', 'forgeries/files', 'flows'].map((d) => `../fixtures/${d}/`), '../samples/'].map((d) => fileURLToPath(new URL(d, import.meta.url)));

export function loadSeeds(): Seed[] {
  const seeds: Seed[] = [];
  for (const dir of dirs) {
    for (const f of readdirSync(dir).sort()) {
      if (!/\.(xml|har|url|query|txt)$/.test(f)) continue;
      const text = readFileSync(dir + f, 'utf8');
      seeds.push({ name: f, text, kind: f.endsWith('.har') ? 'har' : f.endsWith('.xml') ? 'xml' : 'text' });
    }
  }
  return seeds;
}
