// custom-elements.json: the single source for Storybook autodocs, IDE hints, the package's
// `customElements` field and the generated JSX, Vue and VS Code typings (types/).
import { customElementJsxPlugin } from 'custom-element-jsx-integration';
import { customElementVsCodePlugin } from 'custom-element-vs-code-integration';
import { customElementVuejsPlugin } from 'custom-element-vuejs-integration';
import { readFileSync, writeFileSync } from 'node:fs';

// The typings go beside the manifest: `--outdir` (check-fresh's temp dir) or the repository root.
const outdirArgument = process.argv.indexOf('--outdir');
const outdir = outdirArgument === -1 ? '.' : process.argv[outdirArgument + 1];
const typesDir = `${outdir}/types`;
/** Each element's class through the package's own entry, e.g. `iop-widgets/intake-screener`. */
const componentTypePath = (_name, tag) => `iop-widgets/${tag.replace(/^iop-/, '')}`;

const published = /^src\/elements\/([a-z-]+)\/\1\.ts$/;

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

/**
 * Only what the package publishes: one module per element entry (`dist/elements/<name>.js`), each
 * with its element alone. Its members are what a page may use: attributes and their properties,
 * and other public properties that are documented. The analyzer also reports the shared modules,
 * private methods, and assignments to a controller's callbacks (`this.eligibility.onStatus = ...`)
 * as if they were the element's own public fields; Storybook would list all of those as API.
 * Runs after the analyzer has copied inherited members (IopWidgetElement) into each element.
 */
const publishedElementsOnly = {
  name: 'published-elements-only',
  packageLinkPhase({ customElementsManifest }) {
    const isApi = (member) =>
      member.kind === 'field' && !member.static && (member.privacy ?? 'public') === 'public' && (member.attribute || member.description);
    customElementsManifest.modules = (customElementsManifest.modules ?? []).flatMap((module) => {
      const name = published.exec(module.path)?.[1];
      const element = module.declarations?.find((declaration) => declaration.customElement && declaration.tagName);
      if (!name || !element) return [];
      const path = `dist/elements/${name}.js`;
      const { inheritedFrom: _unused, ...superclass } = element.superclass ?? {};
      const clean = (item) => {
        const { inheritedFrom: _inherited, ...rest } = item;
        return rest;
      };
      return [
        {
          kind: 'javascript-module',
          path,
          declarations: [
            {
              ...element,
              superclass: superclass.module ? { name: superclass.name, package: 'iop-widgets' } : superclass,
              members: (element.members ?? []).filter(isApi).map(clean),
              attributes: (element.attributes ?? []).map(clean),
            },
          ],
          exports: [
            { kind: 'js', name: element.name, declaration: { name: element.name, module: path } },
            { kind: 'custom-element-definition', name: element.tagName, declaration: { name: element.name, module: path } },
          ],
        },
      ];
    });
  },
};

/**
 * Vue's template type-checking (vue-tsc) compares camelCased names with a component's props:
 * `api-base="..."` with `apiBase`, `@iop-booking-confirmed` with `onIopBookingConfirmed`. The Vue
 * generator writes the attribute and `on<event>` names as they are, which strict templates refuse,
 * so its prop keys are camelCased here, after it wrote them.
 */
const vueCamelCaseProps = {
  name: 'vue-camel-case-props',
  packageLinkPhase() {
    const file = `${typesDir}/vue.d.ts`;
    const camel = (name) => name.replace(/-([a-z])/g, (_match, letter) => letter.toUpperCase());
    const text = readFileSync(file, 'utf8').replace(/^(\s*)"([a-z][a-z-]*)"\?:/gm, (_match, indent, name) =>
      `${indent}${name.startsWith('on') ? camel(`on-${name.slice(2)}`) : camel(name)}?:`,
    );
    writeFileSync(file, text);
  },
};

export default {
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.spec.ts', 'src/**/*.stories.ts', 'src/**/*.messages.ts', 'src/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  // package.json already names the manifest; a check-fresh run into a temp dir must not rewrite it.
  packagejson: false,
  plugins: [
    tidyManifest,
    publishedElementsOnly,
    customElementJsxPlugin({ outdir: typesDir, fileName: 'jsx.d.ts', componentTypePath, hideLogs: true }),
    customElementVuejsPlugin({ outdir: typesDir, fileName: 'vue.d.ts', componentTypePath, hideLogs: true }),
    vueCamelCaseProps,
    customElementVsCodePlugin({ outdir: typesDir, htmlFileName: 'vscode.html-custom-data.json', cssFileName: 'vscode.css-custom-data.json', hideLogs: true }),
  ],
};
