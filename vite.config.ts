import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { earlyStartScript } from './renderer/features/knowledge/early-start.ts';
import { earlyBridgeScript } from './renderer/platform/early-bridge.ts';
import { unusedSchemasLeftOut } from './build/pure-schemas.ts';

/** The app's script's own address, taken as it starts: a classic script has no import.meta. */
const SCRIPT_URL = '__rapportScriptUrl';

/**
 * The page's code is classic scripts, not modules. Chromium (156, here) keeps the compiled code of
 * a classic script and reuses it in every new window and launch (its code cache), while a page's
 * module was parsed afresh in each new window: some 200 ms of the 780 kB app before it could run,
 * then its functions compiled as they ran. The search worker stays a module (a worker's modules
 * do use the code cache). Before the app's script, a tiny one opens the bridge's socket
 * (platform/early-bridge.ts) and starts the search worker (early-start.ts), so the desktop's
 * answer and the saved index are read while the app's script loads.
 */
function classicPage(): Plugin {
  return {
    name: 'rapport-classic-page',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const page = bundle['index.html'];
      const worker = Object.keys(bundle).find((file) => /(^|\/)search\.worker-[\w-]+\.js$/.test(file));
      if (page?.type !== 'asset' || !worker) throw new Error('The page or the search worker was not built: the early start script has nothing to start.');
      const early = this.getFileName(this.emitFile({ type: 'asset', name: 'early-start.js', source: earlyBridgeScript() + earlyStartScript(worker) }));
      const html = String(page.source);
      const classic = html.replace(/<script type="module" crossorigin src=/g, `<script src="./${early}"></script>\n    <script defer src=`);
      if (classic === html) throw new Error("index.html has no module script to make classic: vite.config.ts's classicPage needs updating.");
      page.source = classic;
    },
  };
}

/** The renderer is built once and served as files by either host; no dev server in tests. */
/**
 * zod's builders have no side effects: schemas a bundle never uses (most of the hub's, in the shared
 * modules the page takes constants from; the worker's ingest code likewise) are left out rather
 * than built at every start. A/B, seven new windows each, twice: search box 542 and 551 ms against
 * 621 and 587 ms without.
 */
const SCHEMAS_ONLY_AS_USED = { manualPureFunctions: ['z'] };

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), classicPage(), unusedSchemasLeftOut()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    // The app is one script on purpose (see classicPage); 775 kB, 224 kB compressed, read from disk.
    chunkSizeWarningLimit: 1000,
    // One script and one stylesheet: a classic script cannot load parts of itself later.
    cssCodeSplit: false,
    modulePreload: false,
    rolldownOptions: {
      transform: { define: { 'import.meta.url': SCRIPT_URL } },
      treeshake: SCHEMAS_ONLY_AS_USED,
      output: {
        format: 'iife',
        codeSplitting: false,
        intro: `var ${SCRIPT_URL} = document.currentScript ? document.currentScript.src : document.baseURI;`,
      },
    },
  },
  worker: { format: 'es', plugins: () => [unusedSchemasLeftOut()], rolldownOptions: { treeshake: SCHEMAS_ONLY_AS_USED } },
  experimental: {
    // Files the page's script refers to (the search worker) are found from the page's address:
    // index.html sits at the root of the built renderer in both hosts.
    renderBuiltUrl: (filename, { hostType }) =>
      hostType === 'js' ? { runtime: `new URL(${JSON.stringify(filename)}, document.baseURI).href` } : { relative: true },
  },
});
