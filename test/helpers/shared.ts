// Locates ../shared/fixtures (real tool output) when present; tests that use it skip clearly without it.
import { existsSync } from 'node:fs'
import path from 'node:path'

/** Absolute path of ../shared/fixtures beside the checkout, or undefined when it is not there. */
export const SHARED_FIXTURES: string | undefined = (() => {
  const dir = path.resolve(process.cwd(), '..', 'shared', 'fixtures')
  return existsSync(dir) ? dir : undefined
})()

/** `describe` when the shared fixture folder exists, otherwise a skipped block that says why. */
export function describeShared(name: string, body: (fixtures: string) => void): void {
  if (SHARED_FIXTURES) {
    describe(name, () => body(SHARED_FIXTURES as string))
  } else {
    describe.skip(`${name} (skipped: ../shared/fixtures is not beside this checkout)`, () => {
      it('needs ../shared/fixtures', () => undefined)
    })
    console.warn(`Skipped "${name}": ../shared/fixtures is not beside this checkout.`)
  }
}
