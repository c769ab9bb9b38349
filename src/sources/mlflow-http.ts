// Calls to an MLflow tracking server's REST API (2.0), as MLflow's own clients make them: auth from
// MLFLOW_TRACKING_TOKEN (Bearer) or MLFLOW_TRACKING_USERNAME/MLFLOW_TRACKING_PASSWORD (Basic),
// MLFLOW_TRACKING_INSECURE_TLS and MLFLOW_TRACKING_SERVER_CERT_PATH honoured, retries with backoff on 429, 5xx and
// dropped connections (MLFLOW_HTTP_REQUEST_MAX_RETRIES, MLFLOW_HTTP_REQUEST_TIMEOUT), and a total time budget.
// Errors name the server, the HTTP status and the variable to set; credentials never appear in a message.
import { readFileSync } from 'node:fs'
import http from 'node:http'
import https from 'node:https'
import { parseJsonLenient, plainJson } from './json.js'

/** Where a tracking server is and how to authenticate, from the URI and MLflow's environment variables. */
export interface MlflowServerTarget {
  /** The API root with a trailing slash, e.g. https://mlflow.example.com/ . */
  base: URL
  /** The server as shown in messages: no credentials, no query. */
  display: string
  /** `user:password@` from the URI, when given there. */
  credentials?: { username: string; password: string }
}

/** Knobs of the calls; tests shorten the waits. */
export interface MlflowHttpOptions {
  env: NodeJS.ProcessEnv
  /** Waits between retries (default: a real timer). */
  sleep?: (ms: number) => Promise<void>
  /** The clock (default Date.now). */
  now?: () => number
  /** The most time all calls to one server may take together (default 10 minutes). */
  budgetMs?: number
  /** The first backoff (default 1 s; doubled per retry, with jitter, up to 60 s). */
  backoffMs?: number
}

/** A call to the server that failed for good: the message names the server, the status and what to do. */
export class MlflowServerError extends Error {
  constructor(
    message: string,
    readonly status?: number
  ) {
    super(message)
    this.name = 'MlflowServerError'
  }
}

/** The default total time budget of one server's calls. */
export const DEFAULT_BUDGET_MS = 10 * 60 * 1000

/** A client of one tracking server: GET and POST of REST API 2.0 endpoints returning parsed JSON. */
export interface MlflowHttpClient {
  get(endpoint: string, query: Record<string, string | number | undefined>): Promise<unknown>
  post(endpoint: string, body: Record<string, unknown>): Promise<unknown>
  /** How many HTTP requests were made (retries included). */
  readonly requests: number
}

/** Creates the client of a tracking server; reads the auth and TLS variables once. */
export function createMlflowHttpClient(
  target: MlflowServerTarget,
  options: MlflowHttpOptions
): MlflowHttpClient {
  return new TrackingServerClient(target, options)
}

/** The Authorization header MLflow's variables (or the URI's user and password) give, and which of them gave it. */
function authorizationOf(
  target: MlflowServerTarget,
  env: NodeJS.ProcessEnv
): { authorization?: string; authVia?: string } {
  const token = env.MLFLOW_TRACKING_TOKEN?.trim()
  const username = env.MLFLOW_TRACKING_USERNAME ?? target.credentials?.username
  const password = env.MLFLOW_TRACKING_PASSWORD ?? target.credentials?.password
  const authorization = token
    ? `Bearer ${token}`
    : username !== undefined && username !== ''
      ? `Basic ${Buffer.from(`${username}:${password ?? ''}`).toString('base64')}`
      : undefined
  const authVia = token
    ? 'MLFLOW_TRACKING_TOKEN'
    : env.MLFLOW_TRACKING_USERNAME !== undefined
      ? 'MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD'
      : username
        ? 'the user and password in the tracking URI'
        : undefined
  return { authorization, authVia }
}

/** The connection agent of a server: keep-alive, and for https the TLS variables (CA bundle, insecure). */
function agentOf(secure: boolean, env: NodeJS.ProcessEnv): http.Agent {
  if (!secure) return new http.Agent({ keepAlive: true, maxSockets: 8 })
  const insecure = /^(true|1|yes)$/i.test(env.MLFLOW_TRACKING_INSECURE_TLS?.trim() ?? '')
  const caPath = env.MLFLOW_TRACKING_SERVER_CERT_PATH?.trim()
  let ca: Buffer | undefined
  if (caPath) {
    try {
      ca = readFileSync(caPath)
    } catch (e) {
      throw new MlflowServerError(
        `MLFLOW_TRACKING_SERVER_CERT_PATH names ${JSON.stringify(caPath)}, which cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)}); set it to the server's CA bundle`
      )
    }
  }
  return new https.Agent({ keepAlive: true, maxSockets: 8, rejectUnauthorized: !insecure, ca })
}

/** The client of createMlflowHttpClient: requests with retries and backoff within the server's time budget. */
class TrackingServerClient implements MlflowHttpClient {
  requests = 0
  private readonly authorization: string | undefined
  private readonly authVia: string | undefined
  private readonly secure: boolean
  private readonly agent: http.Agent
  private readonly retries: number
  private readonly timeoutMs: number
  private readonly sleep: (ms: number) => Promise<void>
  private readonly now: () => number
  private readonly budgetMs: number
  private readonly backoffMs: number
  private readonly started: number

  constructor(
    private readonly target: MlflowServerTarget,
    options: MlflowHttpOptions
  ) {
    const env = options.env
    ;({ authorization: this.authorization, authVia: this.authVia } = authorizationOf(target, env))
    this.secure = target.base.protocol === 'https:'
    this.agent = agentOf(this.secure, env)
    this.retries = nonNegativeInt(env.MLFLOW_HTTP_REQUEST_MAX_RETRIES, 7)
    this.timeoutMs = nonNegativeInt(env.MLFLOW_HTTP_REQUEST_TIMEOUT, 120) * 1000 || 120_000
    this.sleep = options.sleep ?? ((ms: number) => new Promise<void>(r => setTimeout(r, ms)))
    this.now = options.now ?? Date.now
    this.budgetMs = options.budgetMs ?? DEFAULT_BUDGET_MS
    this.backoffMs = options.backoffMs ?? 1000
    this.started = this.now()
  }

  get(endpoint: string, query: Record<string, string | number | undefined>): Promise<unknown> {
    const url = new URL(`api/2.0/mlflow/${endpoint}`, this.target.base)
    for (const [k, v] of Object.entries(query)) if (v !== undefined) url.searchParams.append(k, String(v))
    return this.call('GET', endpoint, url)
  }

  post(endpoint: string, body: Record<string, unknown>): Promise<unknown> {
    const url = new URL(`api/2.0/mlflow/${endpoint}`, this.target.base)
    return this.call('POST', endpoint, url, JSON.stringify(body))
  }

  /** One HTTP exchange: status, headers and body text; rejects on a network error. */
  private exchange(
    method: 'GET' | 'POST',
    url: URL,
    body: string | undefined
  ): Promise<{ status: number; retryAfter?: string; text: string }> {
    return new Promise((resolve, reject) => {
      const headers: Record<string, string> = {
        Accept: 'application/json',
        'User-Agent': 'experiment-review'
      }
      if (this.authorization) headers.Authorization = this.authorization
      if (body !== undefined) {
        headers['Content-Type'] = 'application/json'
        headers['Content-Length'] = String(Buffer.byteLength(body))
      }
      const req = (this.secure ? https : http).request(
        url,
        { method, headers, agent: this.agent, timeout: this.timeoutMs },
        res => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              retryAfter: res.headers['retry-after'] as string | undefined,
              text: Buffer.concat(chunks).toString('utf8')
            })
          )
          res.on('error', reject)
        }
      )
      req.on('timeout', () => req.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })))
      req.on('error', reject)
      req.end(body)
    })
  }

  /** A request, retried on 429, 5xx and dropped connections until the retries or the time budget run out. */
  private async call(method: 'GET' | 'POST', endpoint: string, url: URL, body?: string): Promise<unknown> {
    const what = `${method} ${endpoint}`
    for (let attempt = 0; ; attempt++) {
      this.requests++
      const outcome = await this.attempt(method, url, body, what)
      if ('value' in outcome) return outcome.value
      const { failure, status, retryAfterMs } = outcome
      const elapsed = this.now() - this.started
      const wait = Math.min(60_000, retryAfterMs ?? this.backoffMs * 2 ** attempt * (0.5 + Math.random() / 2))
      if (attempt >= this.retries || elapsed + wait > this.budgetMs) {
        const why =
          attempt >= this.retries
            ? `after ${attempt + 1} attempts (MLFLOW_HTTP_REQUEST_MAX_RETRIES=${this.retries})`
            : `and the time budget of ${Math.round(this.budgetMs / 1000)} s for the server ran out after ${attempt + 1} attempts`
        throw new MlflowServerError(
          `MLflow tracking server ${this.target.display} answered ${what} with ${failure} ${why}; the runs there were not read. Check that the server is up and retry the review`,
          status
        )
      }
      await this.sleep(wait)
    }
  }

  /** One attempt: the parsed answer, or why it may be retried; throws what retrying cannot mend. */
  private async attempt(
    method: 'GET' | 'POST',
    url: URL,
    body: string | undefined,
    what: string
  ): Promise<{ value: unknown } | { failure: string; status?: number; retryAfterMs?: number }> {
    const display = this.target.display
    try {
      const res = await this.exchange(method, url, body)
      const status = res.status
      if (status >= 200 && status < 300) return { value: parseBody(res.text, display, what) }
      if (status !== 429 && status < 500) throw this.finalError(status, res.text, what)
      return {
        failure: `HTTP ${status}${errorText(res.text)}`,
        status,
        retryAfterMs: retryAfterToMs(res.retryAfter, this.now())
      }
    } catch (e) {
      if (e instanceof MlflowServerError) throw e
      const code = (e as NodeJS.ErrnoException).code
      if (code && /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/i.test(code))
        throw new MlflowServerError(
          `MLflow tracking server ${display}: the TLS certificate was not accepted (${code}); set MLFLOW_TRACKING_SERVER_CERT_PATH to its CA bundle, or MLFLOW_TRACKING_INSECURE_TLS=true to skip the check`
        )
      const failure = code ? `${code} (${(e as Error).message})` : (e as Error).message
      if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'ERR_INVALID_URL')
        throw new MlflowServerError(
          `MLflow tracking server ${display} could not be reached: ${failure}; check the tracking URI in the runs input`
        )
      return { failure }
    }
  }

  /** The error of a non-retryable status, with the variable to set. */
  private finalError(status: number, text: string, what: string): MlflowServerError {
    const detail = errorText(text)
    const where = `MLflow tracking server ${this.target.display} answered ${what} with HTTP ${status}${detail}`
    const authVia = this.authVia
    if (status === 401)
      return new MlflowServerError(
        authVia
          ? `${where}: the credentials in ${authVia} were refused; set a valid MLFLOW_TRACKING_TOKEN (or MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD)`
          : `${where}: the server needs credentials; set MLFLOW_TRACKING_TOKEN (or MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD) in the step's environment`,
        status
      )
    if (status === 403)
      return new MlflowServerError(
        `${where}: the user of ${authVia ?? 'these credentials'} may not read this; give it READ permission on the experiments`,
        status
      )
    if (status === 404 && !/RESOURCE_DOES_NOT_EXIST/.test(text))
      return new MlflowServerError(
        `${where}: is this an MLflow tracking server (2.0 or later)? Check the tracking URI, including any path prefix`,
        status
      )
    return new MlflowServerError(where, status)
  }
}

/** Parses a response body: JSON, with NaN and Infinity tokens accepted as some servers write them. */
function parseBody(text: string, display: string, what: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    try {
      return plainJson(parseJsonLenient(text).value)
    } catch (e) {
      throw new MlflowServerError(
        `MLflow tracking server ${display} answered ${what} with a body that is not JSON (${(e as Error).message.slice(0, 200)}); is the tracking URI an MLflow server?`
      )
    }
  }
}

/** MLflow's error body (`{"error_code": …, "message": …}`) in short, or nothing. */
function errorText(text: string): string {
  try {
    const body = JSON.parse(text) as { error_code?: unknown; message?: unknown }
    const code = typeof body.error_code === 'string' ? body.error_code : ''
    const message = typeof body.message === 'string' ? body.message.slice(0, 300) : ''
    return code || message ? ` (${[code, message].filter(Boolean).join(': ')})` : ''
  } catch {
    return ''
  }
}

/** Retry-After in seconds or as an HTTP date, in milliseconds from now. */
function retryAfterToMs(value: string | undefined, now: number): number | undefined {
  if (!value) return undefined
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000
  const at = Date.parse(value)
  return Number.isNaN(at) ? undefined : Math.max(0, at - now)
}

function nonNegativeInt(value: string | undefined, fallback: number): number {
  const n = Number(value?.trim())
  return value !== undefined && value.trim() !== '' && Number.isInteger(n) && n >= 0 ? n : fallback
}
