// `npm pack` (and `npm publish`) ship package.json as it is on disk. Its `prepare` script only makes sense in
// the repository (WXT's types and the Node bundle on `npm install`); in the package it makes `npm install`
// warn that saml-lens has an install script not covered by allowScripts. `strip` (prepack) saves the exact
// bytes and writes package.json without it; `restore` (postpack) puts the saved bytes back.
//
// Both replace package.json by a rename, so a reader never sees it half written, and keep its modification
// time, so tools that compare times (the end-to-end tests' build check) do not take it for an edit.
import { copyFileSync, existsSync, readFileSync, renameSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const local = (path) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const manifest = local('package.json');
// Both names are in .gitignore.
const saved = local('package.json.prepack');
const next = local('package.json.prepack-stripped');

function stripped(text) {
  const pkg = JSON.parse(text);
  delete pkg.scripts?.prepare;
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

function strip() {
  // A pack interrupted before its postpack left package.json stripped: the saved copy is the original.
  restore();
  const { atime, mtime } = statSync(manifest);
  copyFileSync(manifest, saved);
  utimesSync(saved, atime, mtime);
  writeFileSync(next, stripped(readFileSync(manifest, 'utf8')));
  utimesSync(next, atime, mtime);
  renameSync(next, manifest);
}

function restore() {
  if (!existsSync(saved)) return;
  // Edited since it was stripped (by hand, or `npm install <pkg>` after an interrupted pack): putting the saved
  // copy back would undo the edit, so the two are left for a person to merge.
  if (readFileSync(manifest, 'utf8') !== stripped(readFileSync(saved, 'utf8'))) {
    console.error('package.json changed after `npm pack` stripped its prepare script; the original is package.json.prepack: merge the two and remove it.');
    process.exit(1);
  }
  renameSync(saved, manifest);
}

const command = process.argv[2];
if (command === 'strip') strip();
else if (command === 'restore') restore();
else {
  console.error('Usage: node lib/scripts/pack-manifest.mjs strip|restore');
  process.exit(2);
}
