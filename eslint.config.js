// Lint rules: typescript-eslint's recommended set over src, test and scripts, and the import boundaries of
// src/ (ARCHITECTURE.md): which folder may import which, checked for static imports, re-exports, dynamic
// `import()` and `import('…')` types alike (no-restricted-imports alone does not see the last two).
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

/** The folders of src/ and what each may not import (another folder of src/, or any package for core/). */
const BOUNDARIES = {
  core: { only: 'core/ is pure: it imports only other core/ modules (no I/O, no packages, no other folder)' },
  sources: {
    forbid: ['report', 'modes', 'github', 'cli', 'local', 'config'],
    why: 'sources/ turns files into Run values and knows only core/; it never imports report/, modes/, github/ or the flows'
  },
  report: {
    forbid: ['github', 'modes', 'cli', 'local', 'sources', 'config'],
    why: 'report/ turns core facts into markdown and text; it never imports github/, modes/ or the flows'
  },
  github: {
    forbid: ['modes', 'cli', 'local', 'report', 'sources', 'config'],
    why: 'github/ only talks to GitHub; modes compose it with report/ and sources/'
  },
  config: {
    forbid: ['modes', 'cli', 'local', 'github', 'report', 'sources'],
    why: 'config/ turns inputs and the rules file into typed config; it reads no runs and imports no mode, flow or edge'
  },
  local: {
    forbid: ['modes', 'cli', 'github'],
    why: 'local/ (the CLI on a checkout) imports no mode and no GitHub code'
  },
  modes: {
    forbid: ['cli', 'local'],
    why: 'modes/ compose the edges; the CLI composes modes, never the reverse'
  },
  cli: { forbid: [], why: '' }
}

/** Only main.ts (the action entry) and github/ may use the Actions toolkit. */
const ACTIONS_TOOLKIT = {
  regex: '^@actions/',
  message:
    'Only src/main.ts and src/github/ may import @actions/*; pass what you need through the mode context.'
}

/**
 * Untrusted text is a type: markdown nodes are built only by report/mdast.ts, and only the number and chart
 * formatters (and the docs' section markers) declare a string to be the project's own words.
 */
const OWN_TEXT = {
  group: ['**/mdast.js'],
  importNames: ['trusted', 'trustedHtml'],
  message:
    'Only report/format.ts, report/chart.ts, report/docs.ts, report/docs-regions.ts and report/hidden-state.ts declare strings as own text; use own`…` / text`…` for words and untrusted() for data.'
}
const NODE_LITERAL = {
  selector:
    "ObjectExpression > Property[key.name='type'][value.value=/^(text|inlineCode|html|link|code|image|definition)$/]",
  message:
    'Build markdown nodes with the report/mdast.ts builders (untrusted, text`…`, link, codeBlock), never as object literals.'
}
/** The files allowed to declare own text, and the one that builds nodes. */
const OWN_TEXT_FILES = [
  'src/report/format.ts',
  'src/report/chart.ts',
  'src/report/docs.ts',
  'src/report/docs-regions.ts',
  'src/report/hidden-state.ts'
]
const NODE_BUILDER = 'src/report/mdast.ts'

/** Every entry point: no folder imports them. */
const ENTRIES = ['main', 'index', 'cli']

/** `no-restricted-imports` patterns and `no-restricted-syntax` selectors for files in src/<folder>/. */
function boundaryRules(
  folder,
  { allowActions = false, allowOwnText = false, allowNodeLiterals = false } = {}
) {
  const rule = BOUNDARIES[folder]
  const patterns = []
  if (rule?.only) patterns.push({ regex: '^(?!\\./)', message: rule.only })
  else if (rule) {
    const names = [...rule.forbid, ...ENTRIES.map(e => `${e}\\.js$`)].join('|')
    patterns.push({
      regex: `^(?:\\.\\./)+(?:${names})(?:/|$)`,
      message: `${rule.why || 'no folder imports an entry point (main.ts, index.ts, cli.ts)'}.`
    })
  }
  if (!allowActions) patterns.push(ACTIONS_TOOLKIT)
  const trust = allowOwnText ? [] : [OWN_TEXT]
  // The same patterns for `import('…')` expressions and types; esquery regexes cannot hold a slash, hence \x2F.
  const selectors = patterns.flatMap(p => {
    const re = p.regex.replaceAll('/', '\\x2F')
    return [
      { selector: `ImportExpression[source.value=/${re}/]`, message: p.message },
      { selector: `TSImportType[argument.literal.value=/${re}/]`, message: p.message }
    ]
  })
  return {
    'no-restricted-imports': ['error', { patterns: [...patterns, ...trust] }],
    'no-restricted-syntax': ['error', ...selectors, ...(allowNodeLiterals ? [] : [NODE_LITERAL])]
  }
}

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'build/**',
      'node_modules/**',
      'coverage/**',
      'reports/**',
      '.stryker-tmp/**',
      'test/github-twin/openapi-operations.json'
    ]
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly'
      }
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-control-regex': 'off'
    }
  },
  // CommonJS where a tool can only require() its plugin (Stryker's jest runner loads the test environment).
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' }
  },
  { files: ['src/*.ts'], ignores: ['src/main.ts'], rules: boundaryRules(undefined) },
  ...Object.keys(BOUNDARIES).map(folder => ({
    files: [`src/${folder}/**/*.ts`],
    rules: boundaryRules(folder, { allowActions: folder === 'github' })
  })),
  {
    files: ['src/*/**/*.ts'],
    ignores: Object.keys(BOUNDARIES).map(f => `src/${f}/**`),
    rules: boundaryRules('cli')
  },
  // No function over 80 lines without a stated reason (an eslint-disable comment naming it) in src/.
  { files: ['src/**/*.ts'], rules: { 'max-lines-per-function': ['error', { max: 80, IIFEs: true }] } },
  { files: OWN_TEXT_FILES, rules: boundaryRules('report', { allowOwnText: true }) },
  { files: [NODE_BUILDER], rules: boundaryRules('report', { allowOwnText: true, allowNodeLiterals: true }) }
)
