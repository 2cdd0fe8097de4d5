import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The lint rules that keep promises handled and tests honest really fire (on fixtures npm run lint ignores). */
describe('lint rules', () => {
  it('report floating and misused promises, and focused or disabled tests', { timeout: 300_000 }, async () => {
    const eslint = new ESLint({ ignore: false });
    const results = await eslint.lintFiles(['tests/fixtures/lint/promises.ts', 'tests/fixtures/lint/focused.ts']);
    const found = results.flatMap((r) => r.messages.map((m) => `${r.filePath.split('/').pop()}:${m.line} ${m.ruleId}`));
    expect(found.sort()).toEqual([
      'focused.ts:4 no-restricted-syntax',
      'focused.ts:5 no-restricted-syntax',
      'focused.ts:6 no-restricted-syntax',
      'focused.ts:9 no-restricted-syntax',
      'promises.ts:11 @typescript-eslint/no-misused-promises',
      'promises.ts:7 @typescript-eslint/no-floating-promises',
    ]);
  });
});
