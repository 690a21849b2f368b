// custom-elements.json: the single source for Storybook autodocs, IDE hints and the package's `customElements` field.

/**
 * The analyzer also lists `dispatchEvent(new SomeEvent(...))` calls as events without a name; the
 * named ones come from the `@fires` tags, so the nameless duplicates only add blank rows to the docs.
 */
const dropNamelessEvents = {
  name: 'drop-nameless-events',
  packageLinkPhase({ customElementsManifest }) {
    for (const module of customElementsManifest.modules ?? [])
      for (const declaration of module.declarations ?? [])
        if (declaration.events) declaration.events = declaration.events.filter((event) => event.name);
  },
};

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.spec.ts', 'src/**/*.stories.ts'],
  outdir: '.',
  litelement: true,
  // package.json already names the manifest; a check-fresh run into a temp dir must not rewrite it.
  packagejson: false,
  plugins: [dropNamelessEvents],
};
