// A local stand-in for an MLflow tracking server (REST API 2.0) on loopback, serving the endpoints the MLflow
// reader uses: experiments/get-by-name, experiments/search, experiments/get, runs/search (filter on tags and
// params, order by start time, pages), runs/get and metrics/get-history (pages). Every request and every response
// is checked against MLflow's published API (contract.ts); problems are collected in `violations`. It can require
// a Bearer token or Basic credentials, and play faults: an HTTP status (429 with Retry-After, 5xx) or a dropped
// connection, a given number of times, on one endpoint or all.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { checkMessage, checkQuery, findEndpoint } from './contract.js'

/** MLflow's run statuses. */
export type TwinRunStatus = 'RUNNING' | 'SCHEDULED' | 'FINISHED' | 'FAILED' | 'KILLED'

/** An experiment the twin holds. */
export interface TwinExperiment {
  experiment_id: string
  name: string
  lifecycle_stage?: 'active' | 'deleted'
}

/** One logged metric point. */
export interface TwinPoint {
  step: number
  value: number
  timestamp: number
}

/** A run the twin holds, with its full metric histories. */
export interface TwinRun {
  run_id: string
  experiment_id: string
  run_name?: string
  user_id?: string
  status: TwinRunStatus
  start_time: number
  end_time?: number
  lifecycle_stage?: 'active' | 'deleted'
  params?: Record<string, string>
  tags?: Record<string, string>
  metrics?: Record<string, TwinPoint[]>
  datasets?: { name: string; digest: string; source_type: string; source: string; context?: string }[]
}

/** A fault to play: on requests to `endpoint` (e.g. `runs/search`; all when absent), `times` times. */
export interface TwinFault {
  endpoint?: string
  /** An HTTP status to answer with, e.g. 503 or 429. */
  status?: number
  /** Seconds (or an HTTP date) for Retry-After. */
  retryAfter?: string
  /** Drop the connection without an answer instead. */
  reset?: boolean
  times: number
}

/** What the twin serves and how it behaves. */
export interface MlflowTwinOptions {
  experiments: TwinExperiment[]
  runs: TwinRun[]
  /** Credentials the twin requires; none when absent. */
  auth?: { token: string } | { username: string; password: string }
  faults?: TwinFault[]
  /** The most points one metrics/get-history page holds, whatever max_results asks (MLflow: 25,000). */
  historyPageCap?: number
}

/** One request as the twin saw it. */
export interface TwinRequest {
  method: string
  endpoint: string
  query: Record<string, string[]>
  body?: unknown
  status: number
  /** Whether an Authorization header came (its value is never kept). */
  authorized: boolean
}

/** A running twin. */
export interface MlflowTwin {
  /** The tracking URI, e.g. http://127.0.0.1:PORT. */
  url: string
  requests: TwinRequest[]
  /** Requests or responses that do not fit MLflow's API. */
  violations: string[]
  close(): Promise<void>
}

const API = '/api/2.0/mlflow/'

/** Starts the twin on a free loopback port. */
export async function startMlflowTwin(options: MlflowTwinOptions): Promise<MlflowTwin> {
  const requests: TwinRequest[] = []
  const violations: string[] = []
  const faults = (options.faults ?? []).map(f => ({ ...f }))
  const historyPageCap = options.historyPageCap ?? 25_000

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://twin')
      const endpoint = url.pathname.startsWith(API) ? url.pathname.slice(API.length) : url.pathname
      const entry: TwinRequest = {
        method: req.method ?? 'GET',
        endpoint,
        query: Object.fromEntries(
          [...new Set(url.searchParams.keys())].map(k => [k, url.searchParams.getAll(k)])
        ),
        status: 0,
        authorized: req.headers.authorization !== undefined
      }
      requests.push(entry)
      const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        entry.status = status
        const text = typeof body === 'string' ? body : JSON.stringify(body)
        res.writeHead(status, {
          'Content-Type': typeof body === 'string' ? 'text/plain' : 'application/json',
          ...headers
        })
        res.end(text)
      }
      const fault = faults.find(f => f.times > 0 && (!f.endpoint || f.endpoint === endpoint))
      if (fault) {
        fault.times--
        if (fault.reset) {
          entry.status = -1
          req.socket.destroy()
          return
        }
        send(
          fault.status ?? 503,
          {
            error_code: fault.status === 429 ? 'REQUEST_LIMIT_EXCEEDED' : 'TEMPORARILY_UNAVAILABLE',
            message: 'fault played by the twin'
          },
          fault.retryAfter ? { 'Retry-After': fault.retryAfter } : {}
        )
        return
      }
      if (options.auth && !authorized(req.headers.authorization, options.auth)) {
        send(
          401,
          'You are not authenticated. Please see https://www.mlflow.org/docs/latest/auth/index.html',
          {
            'WWW-Authenticate': 'Basic realm="mlflow"'
          }
        )
        return
      }
      const spec = findEndpoint(entry.method, url.pathname)
      if (!spec) {
        violations.push(`${entry.method} ${url.pathname}: not an endpoint of MLflow's API`)
        send(404, { error_code: 'ENDPOINT_NOT_FOUND', message: `no ${entry.method} ${url.pathname}` })
        return
      }
      let request: Record<string, unknown>
      if (entry.method === 'GET') {
        const checked = checkQuery(spec.request, url.searchParams)
        violations.push(...checked.problems.map(p => `${entry.method} ${endpoint}: ${p}`))
        request = checked.request
      } else {
        try {
          request = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}')
        } catch {
          violations.push(`${entry.method} ${endpoint}: the body is not JSON`)
          send(400, { error_code: 'MALFORMED_REQUEST', message: 'body is not JSON' })
          return
        }
        entry.body = request
        violations.push(...checkMessage(spec.request, request).map(p => `${entry.method} ${endpoint}: ${p}`))
      }
      const answer = handle(spec.rpc, request, options, historyPageCap)
      if (answer.status === 200)
        violations.push(...checkMessage(spec.response, answer.body).map(p => `response of ${endpoint}: ${p}`))
      send(answer.status, answer.body)
    })
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    violations,
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

function authorized(header: string | undefined, auth: NonNullable<MlflowTwinOptions['auth']>): boolean {
  if ('token' in auth) return header === `Bearer ${auth.token}`
  return header === `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`
}

type Answer = { status: number; body: unknown }

const notFound = (message: string): Answer => ({
  status: 404,
  body: { error_code: 'RESOURCE_DOES_NOT_EXIST', message }
})
const invalid = (message: string): Answer => ({
  status: 400,
  body: { error_code: 'INVALID_PARAMETER_VALUE', message }
})

/** Answers one rpc from the twin's data, as MLflow's server would. */
function handle(
  rpc: string,
  request: Record<string, unknown>,
  options: MlflowTwinOptions,
  historyPageCap: number
): Answer {
  const experiments = options.experiments
  const active = (e: TwinExperiment) => (e.lifecycle_stage ?? 'active') === 'active'
  switch (rpc) {
    case 'getExperimentByName': {
      const name = String(request.experiment_name ?? '')
      const e = experiments.find(x => x.name === name && active(x)) ?? experiments.find(x => x.name === name)
      return e
        ? { status: 200, body: { experiment: experimentJson(e) } }
        : notFound(`Could not find experiment with name '${name}'`)
    }
    case 'getExperiment': {
      const e = experiments.find(x => x.experiment_id === String(request.experiment_id))
      return e
        ? { status: 200, body: { experiment: experimentJson(e) } }
        : notFound(`No Experiment with id=${String(request.experiment_id)} exists`)
    }
    case 'searchExperiments': {
      if (request.filter) return invalid('the twin does not filter experiments')
      const view = String(request.view_type ?? 'ACTIVE_ONLY')
      const list = experiments.filter(e =>
        view === 'ALL' ? true : view === 'DELETED_ONLY' ? !active(e) : active(e)
      )
      const page = paginate(list, request.max_results, request.page_token, 1000, 50_000)
      if ('error' in page) return invalid(page.error)
      return {
        status: 200,
        body: {
          experiments: page.items.map(experimentJson),
          ...(page.next ? { next_page_token: page.next } : {})
        }
      }
    }
    case 'getRun': {
      const id = String(request.run_id ?? request.run_uuid ?? '')
      const run = options.runs.find(r => r.run_id === id)
      return run ? { status: 200, body: { run: runJson(run) } } : notFound(`Run '${id}' not found`)
    }
    case 'searchRuns': {
      const ids = (request.experiment_ids as string[] | undefined) ?? []
      if (!ids.length) return invalid('experiment_ids must be given')
      const view = String(request.run_view_type ?? 'ACTIVE_ONLY')
      let clauses: ((r: TwinRun) => boolean)[]
      try {
        clauses = parseFilter(String(request.filter ?? ''))
      } catch (e) {
        return invalid((e as Error).message)
      }
      const order = ((request.order_by as string[] | undefined) ?? [])[0] ?? 'attributes.start_time DESC'
      if (!/^(attributes\.)?start_time( (ASC|DESC))?$/i.test(order))
        return invalid(`the twin cannot order by ${order}`)
      const desc = / DESC$/i.test(order)
      const list = options.runs
        .filter(r => ids.includes(r.experiment_id))
        .filter(r => {
          const stage = r.lifecycle_stage ?? 'active'
          return view === 'ALL' ? true : view === 'DELETED_ONLY' ? stage === 'deleted' : stage === 'active'
        })
        .filter(r => clauses.every(c => c(r)))
        .sort(
          (a, b) =>
            (desc ? b.start_time - a.start_time : a.start_time - b.start_time) ||
            (a.run_id < b.run_id ? -1 : 1)
        )
      const page = paginate(list, request.max_results, request.page_token, 1000, 50_000)
      if ('error' in page) return invalid(page.error)
      return {
        status: 200,
        body: { runs: page.items.map(runJson), ...(page.next ? { next_page_token: page.next } : {}) }
      }
    }
    case 'getMetricHistory': {
      const id = String(request.run_id ?? request.run_uuid ?? '')
      const run = options.runs.find(r => r.run_id === id)
      if (!run) return notFound(`Run '${id}' not found`)
      const key = String(request.metric_key ?? '')
      const points = run.metrics?.[key] ?? []
      const asked = request.max_results === undefined ? points.length || 1 : Number(request.max_results)
      const page = paginate(
        points,
        Math.min(asked, historyPageCap),
        request.page_token,
        points.length || 1,
        historyPageCap
      )
      if ('error' in page) return invalid(page.error)
      return {
        status: 200,
        body: {
          metrics: page.items.map(p => ({ key, ...metricJson(p), run_id: id })),
          ...(page.next ? { next_page_token: page.next } : {})
        }
      }
    }
    default:
      return {
        status: 501,
        body: { error_code: 'NOT_IMPLEMENTED', message: `${rpc} is not served by the twin` }
      }
  }
}

/** A page of a list by MLflow's offset tokens (base64 JSON `{"offset": n}`). */
function paginate<T>(
  list: T[],
  maxResults: unknown,
  pageToken: unknown,
  fallback: number,
  cap: number
): { items: T[]; next?: string } | { error: string } {
  const max = maxResults === undefined ? fallback : Number(maxResults)
  if (!Number.isInteger(max) || max < 1 || max > cap)
    return { error: `max_results must be 1..${cap}, got ${String(maxResults)}` }
  let offset = 0
  if (pageToken !== undefined && pageToken !== '') {
    try {
      offset = JSON.parse(Buffer.from(String(pageToken), 'base64').toString('utf8')).offset
    } catch {
      return { error: `invalid page token ${String(pageToken)}` }
    }
    if (!Number.isInteger(offset) || offset < 0) return { error: `invalid page token ${String(pageToken)}` }
  }
  const items = list.slice(offset, offset + max)
  const next =
    offset + max < list.length
      ? Buffer.from(JSON.stringify({ offset: offset + max })).toString('base64')
      : undefined
  return next ? { items, next } : { items }
}

/**
 * The subset of MLflow's search syntax the twin understands: clauses joined by AND, each
 * `tags.<key> = '<value>'`, `tags.<key> != '<value>'` or the same on params (key bare, in backticks or quotes).
 */
function parseFilter(filter: string): ((r: TwinRun) => boolean)[] {
  if (!filter.trim()) return []
  return filter.split(/\s+and\s+/i).map(clause => {
    const m =
      /^\s*(tags|tag|params|param)\.(`[^`]+`|"[^"]+"|[\w.-]+)\s*(=|!=)\s*'((?:[^'\\]|\\.)*)'\s*$/i.exec(
        clause
      )
    if (!m) throw new Error(`the twin cannot parse the filter clause ${JSON.stringify(clause)}`)
    const key = m[2].replace(/^[`"]|[`"]$/g, '')
    const field: 'tags' | 'params' = m[1].toLowerCase().startsWith('tag') ? 'tags' : 'params'
    const value = m[4]
    return (r: TwinRun) => ((r[field]?.[key] ?? undefined) === value) === (m[3] === '=')
  })
}

function experimentJson(e: TwinExperiment) {
  return {
    experiment_id: e.experiment_id,
    name: e.name,
    artifact_location: `mlflow-artifacts:/${e.experiment_id}`,
    lifecycle_stage: e.lifecycle_stage ?? 'active',
    creation_time: 1_700_000_000_000,
    last_update_time: 1_700_000_000_000
  }
}

/** A double as proto3 JSON writes it. */
function doubleJson(v: number): number | string {
  return Number.isNaN(v) ? 'NaN' : v === Infinity ? 'Infinity' : v === -Infinity ? '-Infinity' : v
}

function metricJson(p: TwinPoint) {
  return { value: doubleJson(p.value), timestamp: p.timestamp, step: p.step }
}

/** A run as runs/search returns it: data.metrics holds each metric's latest point by MLflow's rule. */
function runJson(r: TwinRun) {
  const latest = Object.entries(r.metrics ?? {}).map(([key, points]) => {
    let best = points[0]
    for (const p of points) {
      if (
        p.step > best.step ||
        (p.step === best.step &&
          (p.timestamp > best.timestamp ||
            (p.timestamp === best.timestamp && (Number.isNaN(best.value) || p.value >= best.value))))
      )
        best = p
    }
    return { key, ...metricJson(best) }
  })
  return {
    info: {
      run_id: r.run_id,
      run_uuid: r.run_id,
      run_name: r.run_name ?? '',
      experiment_id: r.experiment_id,
      user_id: r.user_id ?? '',
      status: r.status,
      start_time: r.start_time,
      ...(r.end_time !== undefined ? { end_time: r.end_time } : {}),
      artifact_uri: `mlflow-artifacts:/${r.experiment_id}/${r.run_id}/artifacts`,
      lifecycle_stage: r.lifecycle_stage ?? 'active'
    },
    data: {
      metrics: latest,
      params: Object.entries(r.params ?? {}).map(([key, value]) => ({ key, value })),
      tags: Object.entries(r.tags ?? {}).map(([key, value]) => ({ key, value }))
    },
    inputs: {
      dataset_inputs: (r.datasets ?? []).map(d => ({
        tags: d.context ? [{ key: 'mlflow.data.context', value: d.context }] : [],
        dataset: { name: d.name, digest: d.digest, source_type: d.source_type, source: d.source }
      }))
    }
  }
}
