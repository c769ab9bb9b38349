import { availableParallelism } from 'node:os'

/** Jest in ESM mode (NODE_OPTIONS=--experimental-vm-modules); TypeScript is transpiled file by file with esbuild. */
export default {
  // Most test time is spent waiting on git, child processes and the local GitHub API, so more workers than cores
  // overlap that waiting (Jest's default on 2 cores is one worker, in band).
  maxWorkers: Math.max(3, availableParallelism()),
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': '<rootDir>/scripts/jest-transform.mjs' },
  testSequencer: '<rootDir>/scripts/jest-sequencer.mjs',
  testTimeout: 60000,
  verbose: false
}
