// MLflow tracking URIs as `runs` entries, spelled as MLflow spells them (and as MLFLOW_TRACKING_URI holds them):
// `http(s)://host[:port][/prefix]` for a tracking server, `sqlite:///relative.db` or `sqlite:////absolute.db` for a
// SQLite store, `file:///absolute/mlruns` or `file:relative/mlruns` for a file store. Anything else is a path or
// a glob. Schemes MLflow knows that this reader does not (databases behind a server, Databricks) are refused
// with what to use instead.
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** A `runs` entry that names an MLflow tracking store. */
export type TrackingUri =
  | {
      kind: 'server'
      /** The server's base URL without credentials, query or fragment; API paths are appended to it. */
      base: URL
      /** The URI as shown in messages and run ids: no credentials, no query. */
      display: string
      /** `user:password@` given in the URI itself (used as Basic auth, never shown). */
      credentials?: { username: string; password: string }
    }
  | { kind: 'sqlite'; file: string; display: string }
  | { kind: 'file'; dir: string; display: string }

/** A `runs` entry that looks like a tracking URI but cannot be read, with why and what to do. */
export class TrackingUriError extends Error {
  constructor(
    readonly entry: string,
    reason: string
  ) {
    super(reason)
    this.name = 'TrackingUriError'
  }
}

/** The entry as it may be shown: without `user:password@` and without a query. */
export function redactTrackingUri(entry: string): string {
  return entry
    .trim()
    .replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, '$1')
    .replace(/\?.*$/, '')
}

/** Database schemes MLflow's SQL store accepts; only a tracking server in front of them can be read. */
const DATABASE_SCHEMES = ['postgresql', 'postgres', 'mysql', 'mssql', 'oracle']

/** True for an entry that is a URI (has a scheme MLflow would read), not a path or a glob. */
export function isTrackingUri(entry: string): boolean {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(entry.trim())?.[1]?.toLowerCase()
  if (!scheme || scheme.length === 1) return false // a Windows drive letter, not a scheme
  return (
    ['http', 'https', 'file', 'sqlite', 'databricks', 'databricks-uc', 'uc'].includes(scheme) ||
    DATABASE_SCHEMES.some(d => scheme === d || scheme.startsWith(`${d}+`))
  )
}

/**
 * Parses a tracking URI; relative file and SQLite paths are taken from the workspace. Throws TrackingUriError for
 * URIs that cannot be read (the message never repeats credentials).
 */
export function parseTrackingUri(entry: string, workspace: string): TrackingUri {
  const text = entry.trim()
  const scheme = (/^([a-z][a-z0-9+.-]*):/i.exec(text)?.[1] ?? '').toLowerCase()
  if (scheme === 'http' || scheme === 'https') {
    let url: URL
    try {
      url = new URL(text)
    } catch {
      throw new TrackingUriError(entry, `is not a valid URL; expected e.g. https://mlflow.example.com`)
    }
    const credentials = url.username
      ? { username: decodeURIComponent(url.username), password: decodeURIComponent(url.password) }
      : undefined
    const base = new URL(`${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}/`)
    return { kind: 'server', base, display: base.href.replace(/\/$/, ''), credentials }
  }
  if (scheme === 'sqlite') {
    // SQLAlchemy's spelling: three slashes and a relative path, or four slashes and an absolute one.
    const m = /^sqlite:\/\/\/(.+)$/i.exec(text)
    if (!m)
      throw new TrackingUriError(
        entry,
        'names no database file; expected sqlite:///mlflow.db (relative to the workspace) or sqlite:////absolute/path/mlflow.db'
      )
    const rest = decodeURIComponent(m[1].replace(/\?.*$/, ''))
    const file = path.resolve(workspace, rest)
    return { kind: 'sqlite', file, display: `sqlite:///${rest}` }
  }
  if (scheme === 'file') {
    let dir: string
    try {
      dir = text.startsWith('file://')
        ? fileURLToPath(text)
        : path.resolve(workspace, decodeURIComponent(text.slice('file:'.length)))
    } catch (e) {
      throw new TrackingUriError(entry, `is not a file URI MLflow would read: ${(e as Error).message}`)
    }
    return { kind: 'file', dir, display: text }
  }
  if (scheme === 'databricks' || scheme === 'databricks-uc' || scheme === 'uc')
    throw new TrackingUriError(
      entry,
      'is a Databricks tracking URI, which this reader does not support; point the runs input at an MLflow tracking server (http(s)://…) or at a store the job wrote (mlruns/, mlflow.db)'
    )
  throw new TrackingUriError(
    entry,
    `is a ${scheme.split('+')[0]} database URI: the database behind an MLflow server cannot be read directly. Point the runs input at the tracking server (http(s)://…) that serves it`
  )
}
