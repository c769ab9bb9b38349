// Lint rules: typescript-eslint's recommended set over src, test and scripts.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'build/**',
      'node_modules/**',
      'coverage/**',
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
  {
    // Untrusted text is a type: markdown nodes are built only by report/mdast.ts, and a string is declared the
    // project's own words only where numbers and sanitised labels are formatted.
    files: ['src/**/*.ts'],
    ignores: ['src/report/mdast.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "ObjectExpression > Property[key.name='type'][value.value=/^(text|inlineCode|html|link|code|image|definition)$/]",
          message:
            'Build markdown nodes with the report/mdast.ts builders (untrusted, text`…`, link, codeBlock), never as object literals.'
        }
      ]
    }
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/report/mdast.ts', 'src/report/format.ts', 'src/report/chart.ts', 'src/report/docs.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/mdast.js'],
              importNames: ['trusted', 'trustedHtml'],
              message:
                'Only the number and chart formatters declare strings as own text; use own`…` / text`…` for words and untrusted() for data.'
            }
          ]
        }
      ]
    }
  }
)
