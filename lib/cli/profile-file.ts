import { readFileSync, realpathSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { builtinIds, parseProfileText } from '../core/profiles';
import { decodeFileBytes } from './core-api';
import { LIMITS } from '../core/profiles/document';
import { UsageError } from './read-inputs';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

async function readJson(path: string, chain: string[]): Promise<unknown> {
  let text: string;
  try {
    text = decodeFileBytes(readFileSync(path));
  } catch (err) {
    const via = chain.length ? ` (extended by ${chain.map((p) => basename(p)).join(' <- ')})` : '';
    throw new UsageError(`cannot read profile file ${path}${via}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  const { value, error } = parseProfileText(text);
  if (error) throw new UsageError(`profile file ${path}: ${error}`);
  return value;
}

/**
 * Reads a --profile-file and puts every profile file it extends inline (`"extends": "./base.json"`, relative to
 * the file that names it), so the core, which reads no files, gets one self-contained document and a trace
 * stores all of it. A built-in id in `extends` stays as it is. The document's contents are checked by the core.
 */
export async function readProfileFile(path: string, chain: string[] = []): Promise<unknown> {
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    real = resolve(path);
  }
  if (chain.includes(real)) {
    throw new UsageError(`profile file ${path}: extends: the profile extends itself (${[...chain, real].map((p) => basename(p)).join(' -> ')})`);
  }
  if (chain.length >= LIMITS.extendsDepth) throw new UsageError(`profile file ${path}: extends: expected at most ${LIMITS.extendsDepth} levels of extends`);
  const doc = await readJson(path, chain);
  if (!isObject(doc) || typeof doc.extends !== 'string' || builtinIds().includes(doc.extends.trim().toLowerCase())) return doc;
  const base = resolve(dirname(path), doc.extends);
  return { ...doc, extends: await readProfileFile(base, [...chain, real]) };
}
