/** The layering in DESIGN.md, checked on every `npm run lint`. */
module.exports = {
  forbidden: [
    { name: 'shared-stands-alone', severity: 'error', from: { path: '^shared/' }, to: { path: '^(server|electron|renderer)/' } },
    { name: 'shared-is-pure', severity: 'error', from: { path: '^shared/' }, to: { dependencyTypes: ['core'] } },
    { name: 'renderer-talks-only-to-its-core', severity: 'error', from: { path: '^renderer/' }, to: { path: '^(server|electron)/' } },
    { name: 'renderer-has-no-node', severity: 'error', from: { path: '^renderer/' }, to: { dependencyTypes: ['core'] } },
    { name: 'server-is-not-desktop', severity: 'error', from: { path: '^server/' }, to: { path: '^(electron|renderer)/' } },
    { name: 'electron-is-not-hub', severity: 'error', from: { path: '^electron/' }, to: { path: '^(server|renderer)/' } },
    {
      name: 'electron-only-in-main-and-preload',
      severity: 'error',
      from: { path: '^(?!electron/(main|preload)/)' },
      to: { path: '^node_modules/electron/' },
    },
    { name: 'zustand-only-in-state', severity: 'error', from: { path: '^renderer/(?!state/)' }, to: { path: '^node_modules/zustand/' } },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.json'] },
  },
};
