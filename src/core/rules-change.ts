// What a pull request changes in the rules file: each setting (a leaf of the file, named by its keys) that it adds,
// removes or changes. Pure: the files' parsed data in, typed changes out; report/ words them.

/** One setting of the rules file that differs between the base and the pull request. */
export interface RuleSettingChange {
  /** The keys leading to the setting, e.g. ['metrics', 'accuracy', 'max_drop'] (untrusted: from the PR's file). */
  path: string[]
  /** The value at the base; absent when the pull request adds the setting. */
  before?: unknown
  /** The value the pull request proposes; absent when it removes the setting. */
  after?: unknown
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Every leaf of a parsed file by its keys: nested mappings are followed, lists and empty mappings are values. */
function leaves(
  value: unknown,
  at: string[] = [],
  into = new Map<string, { path: string[]; value: unknown }>()
) {
  if (isPlainObject(value) && Object.keys(value).length) {
    for (const [key, child] of Object.entries(value)) leaves(child, [...at, key], into)
  } else if (at.length) {
    into.set(JSON.stringify(at), { path: at, value })
  }
  return into
}

/** The settings that differ between two parsed rules files (`undefined` for a file that does not exist), in file order. */
export function diffRuleSettings(before: unknown, after: unknown): RuleSettingChange[] {
  const old = leaves(before)
  const proposed = leaves(after)
  const changes: RuleSettingChange[] = []
  for (const [key, { path, value }] of old) {
    const next = proposed.get(key)
    if (!next) changes.push({ path, before: value })
    else if (JSON.stringify(next.value) !== JSON.stringify(value))
      changes.push({ path, before: value, after: next.value })
  }
  for (const [key, { path, value }] of proposed) if (!old.has(key)) changes.push({ path, after: value })
  return changes
}
