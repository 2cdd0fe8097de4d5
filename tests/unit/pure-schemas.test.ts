import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { build, type Plugin } from 'vite';
import { unusedSchemasLeftOut } from '../../build/pure-schemas';

/**
 * The page's bundle leaves out schemas it never uses, including those made from another schema's
 * methods, and keeps everything else a schema module does: built with Vite as the page is.
 */
const fixture = (path: string) => fileURLToPath(new URL(`../fixtures/pure-schemas/${path}`, import.meta.url));

async function bundle(plugins: Plugin[]): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    plugins,
    build: {
      write: false,
      minify: false,
      rolldownOptions: { input: fixture('entry.ts'), treeshake: { manualPureFunctions: ['z'] }, output: { format: 'es' } },
    },
  });
  const results = Array.isArray(output) ? output : [output];
  return results
    .flatMap((r) => ('output' in r ? r.output : []))
    .map((chunk) => ('code' in chunk ? chunk.code : ''))
    .join('\n');
}

describe('schemas the page never uses', () => {
  it('are left out, even when made from another schema’s methods', async () => {
    const code = await bundle([unusedSchemasLeftOut()]);
    expect(code).not.toContain('Change at least one detail');
    expect(code).not.toContain('contactNote');
    expect(code).not.toContain('keptFlag');
  });

  it('while what the page uses, and what a module does beyond declaring, stay', async () => {
    const code = await bundle([unusedSchemasLeftOut()]);
    expect(code).toContain('phone:');
    expect(code).toContain('"module ran"');
    expect(code).toMatch(/seen\.push\(name\)/);
  });

  it('were kept, and built at every start, without it', async () => {
    const code = await bundle([]);
    expect(code).toContain('Change at least one detail');
    expect(code).toContain('contactNote');
  });
});
