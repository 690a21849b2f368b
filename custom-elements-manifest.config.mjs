// custom-elements.json: the single source for Storybook autodocs, IDE hints and the package's `customElements` field.

/**
 * Modules in path order, and no nameless events: the analyzer also lists `dispatchEvent(new SomeEvent(...))`
 * calls as events without a name, while the named ones come from the `@fires` tags.
 */
const tidyManifest = {
  name: 'tidy-manifest',
  packageLinkPhase({ customElementsManifest }) {
    // Glob order follows the file system's, which differs between clones: sort, so the freshness check is stable.
    customElementsManifest.modules?.sort((a, b) => a.path.localeCompare(b.path));
    for (const module of customElementsManifest.modules ?? [])
      for (const declaration of module.declarations ?? [])
        if (declaration.events) declaration.events = declaration.events.filter((event) => event.name);
  },
};

export default {
  globs: ['src/**/*.ts'],
  // The console's elements are not published: they belong to the center's own console page.
  exclude: ['src/**/*.test.ts', 'src/**/*.spec.ts', 'src/**/*.stories.ts', 'src/console/**'],
  outdir: '.',
  litelement: true,
  // package.json already names the manifest; a check-fresh run into a temp dir must not rewrite it.
  packagejson: false,
  plugins: [tidyManifest],
};
