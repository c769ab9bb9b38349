import { availableParallelism } from 'node:os'

/** Jest in ESM mode through ts-jest, as in actions/typescript-action. */
export default {
  // Most test time is spent waiting on git, child processes and the local GitHub API, so more workers than cores
  // overlap that waiting (Jest's default on 2 cores is one worker, in band).
  maxWorkers: Math.max(3, availableParallelism()),
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': [
      'ts-jest',
      { useESM: true, tsconfig: 'tsconfig.json', diagnostics: { ignoreCodes: ['TS151001'] } }
    ]
  },
  testTimeout: 60000,
  verbose: false
}
