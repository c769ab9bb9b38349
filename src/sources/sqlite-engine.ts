// One small interface over the two SQLite engines the readers use:
// - `node:sqlite` (Node 22.13 and later, so always on the action's node24 runtime): the database is read from the
//   file itself, page by page, so memory stays bounded whatever its size;
// - sql.js (SQLite compiled to WebAssembly) on older Node: the whole file is copied into WebAssembly memory, so
//   the file size is limited (MAX_SQLJS_BYTES).
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import type { SqlJsStatic } from 'sql.js'

/** A value as either engine returns it. */
export type SqliteValue = number | bigint | string | Uint8Array | null

/** A prepared query: run with parameters, one callback per row (columns in SELECT order). */
export interface SqliteStatement {
  each(params: (string | number)[], onRow: (row: SqliteValue[]) => void): void
}

/** An open database, read only. */
export interface SqliteDatabase {
  /** Which engine reads it, for messages. */
  readonly engine: 'node:sqlite' | 'sql.js'
  prepare(sql: string): SqliteStatement
  close(): void
}

/** The largest database sql.js reads: it needs the whole file, plus its own working memory, in WebAssembly memory. */
export const MAX_SQLJS_BYTES = 512 * 1024 * 1024

/** The subset of node:sqlite used here (its types are not in @types/node 20). */
interface NodeSqliteModule {
  DatabaseSync: new (
    file: string,
    options: { readOnly: boolean; open?: boolean }
  ) => {
    prepare(sql: string): {
      iterate(...params: (string | number)[]): Iterable<Record<string, SqliteValue>>
      setReturnArrays?: (on: boolean) => void
    }
    close(): void
  }
}

let nodeSqlite: Promise<NodeSqliteModule | undefined> | undefined

/** Loads node:sqlite once; undefined on a Node without it (before 22.13, or 22.5–22.12 without the flag). */
export function loadNodeSqlite(): Promise<NodeSqliteModule | undefined> {
  // The specifier is a variable so that neither TypeScript (no types on Node 20) nor the bundler resolve it.
  const specifier = 'node:sqlite'
  nodeSqlite ??= (async () => {
    const emit = process.emitWarning
    // node:sqlite announces itself as experimental on every load; the review's log is not the place for that.
    process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
      const text = typeof warning === 'string' ? warning : warning.message
      if (/SQLite is an experimental feature/i.test(text)) return
      return (emit as (...args: unknown[]) => void).call(process, warning, ...rest)
    }) as typeof process.emitWarning
    try {
      return (await import(specifier)) as NodeSqliteModule
    } catch {
      return undefined
    } finally {
      process.emitWarning = emit
    }
  })()
  return nodeSqlite
}

/** Opens a database file read only with node:sqlite (nothing is written beside it); undefined without node:sqlite. */
export async function openWithNodeSqlite(file: string): Promise<SqliteDatabase | undefined> {
  const sqlite = await loadNodeSqlite()
  if (!sqlite) return undefined
  const db = new sqlite.DatabaseSync(file, { readOnly: true })
  return {
    engine: 'node:sqlite',
    prepare(sql) {
      const stmt = db.prepare(sql)
      const arrays = typeof stmt.setReturnArrays === 'function'
      if (arrays) stmt.setReturnArrays?.(true)
      return {
        each(params, onRow) {
          for (const row of stmt.iterate(...params))
            onRow(arrays ? (row as unknown as SqliteValue[]) : Object.values(row))
        }
      }
    },
    close: () => db.close()
  }
}

let sqlJs: Promise<SqlJsStatic> | undefined

/** Loads sql.js once, with its wasm from beside the running module (the bundle) or from the package (tests). */
export function loadSqlJs(): Promise<SqlJsStatic> {
  sqlJs ??= (async () => {
    const { default: initSqlJs } = await import('sql.js')
    const wasm = await readSqlWasm()
    return initSqlJs({
      wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer
    })
  })()
  sqlJs.catch(() => (sqlJs = undefined))
  return sqlJs
}

/** Finds sql-wasm.wasm: next to this module (dist/), one folder up (dist/chunks/), else in node_modules/sql.js. */
async function readSqlWasm(): Promise<Buffer> {
  const here = import.meta.url
  for (const candidate of ['./sql-wasm.wasm', '../sql-wasm.wasm']) {
    try {
      return await readFile(new URL(candidate, here))
    } catch {
      // not bundled next to this module; try the next place
    }
  }
  const require = createRequire(here)
  return readFile(require.resolve('sql.js/dist/sql-wasm.wasm'))
}

/** Opens a database from its bytes with sql.js. */
export async function openWithSqlJs(bytes: Uint8Array): Promise<SqliteDatabase> {
  const SQL = await loadSqlJs()
  const db = new SQL.Database(bytes)
  const statements: { free(): void }[] = []
  return {
    engine: 'sql.js',
    prepare(sql) {
      const stmt = db.prepare(sql)
      statements.push(stmt)
      return {
        each(params, onRow) {
          stmt.bind(params)
          try {
            while (stmt.step()) onRow(stmt.get())
          } finally {
            stmt.reset()
          }
        }
      }
    },
    close() {
      for (const stmt of statements) stmt.free()
      db.close()
    }
  }
}
