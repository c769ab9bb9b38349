// Bundles the action (dist/index.js) and the CLI (dist/cli.js) as ESM.
import commonjs from '@rollup/plugin-commonjs'
import json from '@rollup/plugin-json'
import nodeResolve from '@rollup/plugin-node-resolve'
import typescript from '@rollup/plugin-typescript'
import { readFileSync } from 'node:fs'
import path from 'node:path'

/**
 * Copies sql.js's WebAssembly beside the bundle (dist/sql-wasm.wasm), where src/sources/mlflow-sqlite.ts loads it
 * from. Before commonjs runs, it removes sql.js's `__dirname` (the wasm bytes are passed in, no path is needed)
 * and its `typeof module` guarded export (sql.js sets `module = undefined`, which commonjs would not see).
 */
const copySqlWasm = () => ({
  name: 'copy-sql-wasm',
  transform(code, id) {
    if (!/[\\/]sql\.js[\\/]dist[\\/]sql-wasm\.js$/.test(id)) return null
    const cleaned = code
      .replace(/\b__dirname\b/g, '""')
      .replace(/typeof module\s*!==?\s*["']undefined["']\s*&&\s*\(module\.exports\s*=\s*\w+\)/g, 'void 0')
    return { code: cleaned, map: null }
  },
  generateBundle() {
    this.emitFile({
      type: 'asset',
      fileName: 'sql-wasm.wasm',
      source: readFileSync('node_modules/sql.js/dist/sql-wasm.wasm')
    })
  }
})

const plugins = () => [
  copySqlWasm(),
  typescript({ tsconfig: 'tsconfig.build.json' }),
  nodeResolve({ preferBuiltins: true, exportConditions: ['node'] }),
  commonjs(),
  json()
]

const config = [
  {
    // The read worker is an entry of its own, written into chunks/ beside the reader chunk that starts it
    // (src/sources/read-pool.ts finds it at ./metric-worker.js relative to itself).
    input: { index: 'src/index.ts', cli: 'src/cli.ts', 'metric-worker': 'src/sources/metric-worker.ts' },
    output: {
      dir: 'dist',
      format: 'es',
      sourcemap: false,
      entryFileNames: chunk => (chunk.name === 'metric-worker' ? 'chunks/[name].js' : '[name].js'),
      chunkFileNames: 'chunks/[name].js',
      banner: chunk => (chunk.name === 'cli' ? '#!/usr/bin/env node' : '')
    },
    plugins: plugins(),
    onwarn(warning, warn) {
      if (['THIS_IS_UNDEFINED', 'INVALID_ANNOTATION'].includes(warning.code)) return
      if (
        warning.code === 'CIRCULAR_DEPENDENCY' &&
        warning.ids?.some(id => !/[\\/]node_modules[\\/]/.test(id))
      ) {
        const cycle = warning.ids.map(id => path.relative(process.cwd(), id)).join(' -> ')
        throw new Error(
          `Import cycle in the project: ${cycle}. Break it: move what both modules need into a module both import.`
        )
      }
      // Cycles inside dependencies (zod, smol-toml, @actions/core) are theirs and harmless; they are shown, not hidden.
      warn(warning)
    }
  }
]

export default config
