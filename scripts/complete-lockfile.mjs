// Adds lock entries for platform-specific optional dependencies that the package registry mirror of these
// machines does not serve (e.g. @rollup/rollup-darwin-arm64), so `npm ci` accepts the lock file. Each entry
// carries the os/cpu/libc of its platform, so npm skips it on other machines and installs it (by version) on its
// own platform. Run after `npm install` changes the lock file: node scripts/complete-lockfile.mjs
import { readFileSync, writeFileSync } from 'node:fs'

const OS = [
  'android',
  'darwin',
  'freebsd',
  'linux',
  'openbsd',
  'openharmony',
  'sunos',
  'win32',
  'aix',
  'netbsd'
]
const CPU = [
  'arm64',
  'arm',
  'ia32',
  'x64',
  'loong64',
  'ppc64',
  'riscv64',
  's390x',
  'wasm32',
  'mips64el',
  'x32'
]

/** The os, cpu and libc a platform package name stands for, or undefined when the name says none. */
function platformOf(name) {
  const parts = name.split('/').pop().split('-')
  const os = parts.find(p => OS.includes(p))
  const cpu = parts.find(p => CPU.includes(p))
  if (!os && !cpu) return undefined
  const libc = parts.includes('musl')
    ? 'musl'
    : parts.includes('gnu') || parts.includes('gnueabihf')
      ? 'glibc'
      : undefined
  return {
    ...(os ? { os: [os] } : {}),
    ...(cpu ? { cpu: [cpu] } : {}),
    ...(libc && os === 'linux' ? { libc: [libc] } : {})
  }
}

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'))
let added = 0
for (const [where, pkg] of Object.entries(lock.packages)) {
  for (const [dep, version] of Object.entries(pkg.optionalDependencies ?? {})) {
    const key = `node_modules/${dep}`
    const nested = `${where}/node_modules/${dep}`
    if (lock.packages[key] || lock.packages[nested]) continue
    const platform = platformOf(dep)
    if (!platform) continue
    lock.packages[key] = { version, ...(pkg.dev ? { dev: true } : {}), optional: true, ...platform }
    added++
  }
}
lock.packages = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b)))
)
writeFileSync('package-lock.json', `${JSON.stringify(lock, null, 2)}\n`)
console.log(`added ${added} platform entries to package-lock.json`)
