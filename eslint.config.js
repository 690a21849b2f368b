// Flat config. Syntax-only typescript-eslint (no type information) keeps `npm run lint` fast;
// `npm run typecheck` is the type gate.
import { defineConfig, globalIgnores } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import wc from 'eslint-plugin-wc';
import globals from 'globals';

// Code that runs in a page: the widgets, their stories, browser tests and Storybook's preview.
const browserFiles = ['src/**/*.ts', 'stories/**/*.ts', 'test/browser/**/*.ts', '.storybook/preview.ts'];
// Code that runs in Node: tooling, the reference server, node tests, test-runner plugins, configs.
const nodeFiles = [
  '.dependency-cruiser.cjs',
  'scripts/**',
  'server/**',
  'test/node/**',
  'test/support/**',
  '.storybook/main.ts',
  '*.config.{js,mjs,ts}',
];

// Strict CSP / Trusted Types and XSS: no raw HTML and no inline style bindings (STYLE.md).
const unsafeDirectives = {
  regex: '^lit(-html)?/directives/(unsafe-html|unsafe-svg|unsafe-mathml|style-map)(\\.js)?$',
  message: 'unsafeHTML/unsafeSVG/styleMap break a strict CSP or open XSS: render with templates and static css.',
};
const rawHtmlSink = '/^(innerHTML|outerHTML)$/';
const restrictedSyntax = [
  {
    selector: `AssignmentExpression > MemberExpression.left[property.name=${rawHtmlSink}]`,
    message: 'No innerHTML/outerHTML assignment: render with Lit templates.',
  },
  {
    selector: `AssignmentExpression > MemberExpression.left[computed=true][property.value=${rawHtmlSink}]`,
    message: 'No innerHTML/outerHTML assignment: render with Lit templates.',
  },
  {
    selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
    message: 'No insertAdjacentHTML: render with Lit templates.',
  },
  {
    selector: "CallExpression[callee.name=/^(unsafeHTML|unsafeSVG|unsafeMathML|styleMap)$/]",
    message: 'unsafeHTML/unsafeSVG/styleMap break a strict CSP or open XSS.',
  },
];

export default defineConfig(
  globalIgnores([
    '**/node_modules/',
    'dist/',
    'storybook-static/',
    'coverage/',
    '.data/',
    '.wtr-cache/',
    'custom-elements.json',
    'openapi.json',
    // Generated from custom-elements.json by the manifest's plugins (checked fresh instead).
    'types/jsx.d.ts',
    'types/vue.d.ts',
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { patterns: [unsafeDirectives] }],
      'no-restricted-syntax': ['error', ...restrictedSyntax],
    },
  },
  {
    files: browserFiles,
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      // `style=${...}` in a Lit template is an inline style: blocked by a strict style-src.
      'no-restricted-syntax': [
        'error',
        ...restrictedSyntax,
        {
          selector: "TaggedTemplateExpression[tag.name=/^(html|svg)$/] TemplateElement[value.raw=/\\sstyle=[\"']?$/]",
          message: 'No style= bindings: use static css and --iop-* custom properties.',
        },
      ],
    },
  },
  {
    files: ['test/browser/**/*.ts'],
    languageOptions: { globals: globals.mocha },
  },
  {
    files: ['src/**/*.ts', 'stories/**/*.ts', 'test/browser/**/*.ts'],
    extends: [lit.configs['flat/recommended'], litA11y.configs.recommended, wc.configs['flat/best-practice']],
  },
  {
    files: nodeFiles,
    languageOptions: { globals: globals.node },
  },
  {
    files: ['.dependency-cruiser.cjs'],
    languageOptions: { sourceType: 'commonjs' },
  },
);
