// Bundles the action (dist/index.js) and the CLI (dist/cli.js) as ESM.
import commonjs from '@rollup/plugin-commonjs'
import json from '@rollup/plugin-json'
import nodeResolve from '@rollup/plugin-node-resolve'
import typescript from '@rollup/plugin-typescript'

const plugins = () => [
  typescript({ tsconfig: 'tsconfig.build.json' }),
  nodeResolve({ preferBuiltins: true, exportConditions: ['node'] }),
  commonjs(),
  json()
]

const config = [
  {
    input: { index: 'src/index.ts', cli: 'src/cli.ts' },
    output: {
      dir: 'dist',
      format: 'es',
      sourcemap: false,
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name].js',
      banner: (chunk: { name: string }) => (chunk.name === 'cli' ? '#!/usr/bin/env node' : '')
    },
    plugins: plugins(),
    onwarn(warning: { code?: string; message: string }, warn: (w: { code?: string; message: string }) => void) {
      if (warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'THIS_IS_UNDEFINED') return
      warn(warning)
    }
  }
]

export default config
