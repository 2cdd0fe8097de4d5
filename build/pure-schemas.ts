import MagicString from 'magic-string';
import type { Plugin } from 'vite';

/**
 * The modules that declare the contract's schemas (zod), shared by the hub, the desktop and the
 * page. Their top-level declarations only build values; none registers or changes anything.
 */
const SCHEMA_MODULES = /[\\/]shared[\\/](schemas|contract|hub|telephony)[\\/][^\\/]+\.ts$/;

interface AstNode {
  type: string;
  start: number;
  [key: string]: unknown;
}

const isNode = (value: unknown): value is AstNode =>
  typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';

/** Where each call or `new` in a declaration's value begins, not looking inside functions. */
function callsIn(node: AstNode, found: number[]): void {
  if (node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression' || node.type === 'ClassExpression') return;
  if (node.type === 'CallExpression' || node.type === 'NewExpression') found.push(node.start);
  for (const [key, value] of Object.entries(node)) {
    if (key === 'type' || key === 'start' || key === 'end') continue;
    for (const child of Array.isArray(value) ? value : [value]) if (isNode(child)) callsIn(child, found);
  }
}

/** The starts of the calls in the values of a module's top-level `const`s, exported or not. */
export function topLevelCalls(program: { body: unknown[] }): number[] {
  const found: number[] = [];
  for (const statement of program.body) {
    if (!isNode(statement)) continue;
    const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
    if (!isNode(declaration) || declaration.type !== 'VariableDeclaration') continue;
    for (const declarator of declaration.declarations as unknown[]) {
      const init = isNode(declarator) ? declarator.init : null;
      if (isNode(init)) callsIn(init, found);
    }
  }
  return [...new Set(found)];
}

/**
 * zod's builders are marked free of side effects (vite.config.ts), so a schema the page never uses
 * is left out of its bundle; but one made from another schema's methods (`article.extend({…})`,
 * `contactDetails.partial()`) is a call the bundler cannot know is free of them, and the page built
 * some thirty such schemas at every start. In the schema modules, every call in a top-level
 * declaration's value is marked pure, as babel-plugin-annotate-pure-calls does: made and never
 * used, it is left out. Only the page's and the worker's bundles are built this way.
 */
export function unusedSchemasLeftOut(): Plugin {
  return {
    name: 'rapport-unused-schemas-left-out',
    apply: 'build',
    enforce: 'post',
    transform(code, id) {
      if (!SCHEMA_MODULES.test(id)) return null;
      const starts = topLevelCalls(this.parse(code) as unknown as { body: unknown[] });
      if (starts.length === 0) return null;
      const out = new MagicString(code);
      for (const start of starts) out.appendLeft(start, '/* @__PURE__ */ ');
      return { code: out.toString(), map: out.generateMap({ hires: true }) };
    },
  };
}
