// custom-elements.json: the single source for Storybook autodocs, IDE hints and the package's `customElements` field.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.spec.ts', 'src/**/*.stories.ts'],
  outdir: '.',
  litelement: true,
  // package.json already names the manifest; a check-fresh run into a temp dir must not rewrite it.
  packagejson: false,
};
