// Jest's TypeScript transform: esbuild strips the types of one file at a time, as ts-jest's `isolatedModules` did,
// at a tenth of its cost (the whole of src/ and test/ in about 1.5 s instead of 11 s). Types are checked by
// `npm run typecheck` (tsc --noEmit), never here; tsconfig.json's `isolatedModules` makes tsc refuse what a
// per-file transform could not compile alike.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { transformSync, version } from 'esbuild'

/** What the output depends on besides the file: this transform's own text and esbuild's version. */
const TRANSFORM_KEY = createHash('sha256')
  .update(readFileSync(new URL(import.meta.url)))
  .update(version)
  .digest('hex')

/** tsconfig.json's options that change what esbuild emits (target ES2022 defines class fields). */
const TSCONFIG = { compilerOptions: { useDefineForClassFields: true, verbatimModuleSyntax: false } }

/** Transpiles one TypeScript file to an ES module (or CommonJS when Jest asks for it), with a source map. */
function process(sourceText, sourcePath, options) {
  const result = transformSync(sourceText, {
    loader: 'ts',
    format: options.supportsStaticESM ? 'esm' : 'cjs',
    target: 'es2022',
    // ES2022 has no import attributes, and esbuild would drop `with { type: 'json' }` (src/cli/help.ts), which Jest
    // warns will soon be an error; Node 20 and 24 support them.
    supported: { 'import-attributes': true },
    platform: 'node',
    sourcemap: 'external',
    sourcesContent: false,
    sourcefile: sourcePath,
    tsconfigRaw: TSCONFIG
  })
  return { code: result.code, map: result.map }
}

/** The key of Jest's transform cache: the file, its path, how it is loaded, the config and this transform. */
function getCacheKey(sourceText, sourcePath, options) {
  return createHash('sha256')
    .update(TRANSFORM_KEY)
    .update('\0')
    .update(sourcePath)
    .update('\0')
    .update(sourceText)
    .update('\0')
    .update(options.configString)
    .update(options.supportsStaticESM ? '\0esm' : '\0cjs')
    .digest('hex')
}

export default { process, getCacheKey }
