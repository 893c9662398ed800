import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The doors between modules are a lint rule (eslint.config.js); these show the rule catches what it is
// for, on files that do not exist yet, so that a new module cannot quietly reach into another's tables.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const eslint = new ESLint({ cwd: root });

async function doorViolations(file: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('doors between modules', () => {
  it("refuses a new module file that imports another module's tables", async () => {
    const messages = await doorViolations(
      'apps/server/src/modules/leads/leads.service.ts',
      "import { deals } from '../deals/deals.tables';\nexport const t = deals;\n",
    );
    expect(messages).toEqual([expect.stringContaining("Another module's tables are private")]);
  });

  it('refuses a file outside the modules (a job, the seed, a benchmark) that imports any tables', async () => {
    for (const [file, from] of [
      ['apps/server/src/jobs/new-job.ts', '../modules/deals/deals.tables'],
      ['apps/server/src/seed/new-seed.ts', '../modules/organizations/organizations.tables'],
      ['bench/new-bench.ts', '../apps/server/src/modules/deals/deals.tables'],
    ] as const) {
      const messages = await doorViolations(file, `import { x } from '${from}';\nexport const t = x;\n`);
      expect(messages, file).toHaveLength(1);
    }
  });

  it("lets a module use its own tables and another module's repository", async () => {
    const messages = await doorViolations(
      'apps/server/src/modules/leads/leads.repository.ts',
      [
        "import { leads } from './leads.tables';",
        "import { findVisibleDeal } from '../deals/deals.repository';",
        'export const t = [leads, findVisibleDeal];',
        '',
      ].join('\n'),
    );
    expect(messages).toEqual([]);
  });
});
