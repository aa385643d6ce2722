#!/usr/bin/env node
/**
 * `npm run db:migration:create -- add-session-notes`: writes an empty, timestamped migration
 * class and registers it in migrations/index.ts. Migrations are plain SQL, reviewed like code;
 * the schema is never synchronised from entities.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const name = process.argv[2];
if (!name || !/^[a-z][a-z0-9-]*$/.test(name)) {
  console.error('usage: npm run db:migration:create -- <kebab-case-name>');
  process.exit(2);
}
const folder = 'libs/api/database/src/lib/migrations';
const timestamp = Date.now();
const className = name.replace(/(^|-)([a-z0-9])/g, (_, __, c) => c.toUpperCase()) + timestamp;
const file = `${timestamp}-${name}`;

writeFileSync(
  join(folder, `${file}.ts`),
  `import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Why this change is needed, in a sentence. Grant the app role only what it must have. */
export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(db: QueryRunner): Promise<void> {
    await db.query(\`\`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(\`\`);
  }
}
`,
);

const index = join(folder, 'index.ts');
const source = readFileSync(index, 'utf8')
  .replace(/(\nexport const migrations = \[)/, `import { ${className} } from './${file}';\n$1`)
  .replace(/\];\s*$/, `, ${className}];\n`);
writeFileSync(index, source);
console.log(`Created ${folder}/${file}.ts and registered it in migrations/index.ts`);
