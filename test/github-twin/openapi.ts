// Checks requests made to the GitHub twin, and the twin's answers, against the operations extracted from GitHub's
// published OpenAPI description (openapi-operations.json, written by scripts/extract-openapi.mjs): the path must
// match a known operation, required path and query parameters must be present and well typed, and a JSON body
// must fit the operation's schema (types, required, enum, additionalProperties: false where stated). An answer
// must be a status the operation describes, and a successful JSON answer must fit its schema strictly: every
// required property present, and no property the description does not list (list endpoints answer
// pull-request-simple, which has merged_at but no merged).
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** A JSON schema as trimmed by the extraction script (OpenAPI 3.0 flavour: `nullable`). */
export interface OpenApiSchema {
  /** The name of a schema in the file's `schemas`. */
  $ref?: string
  type?: string
  nullable?: boolean
  enum?: unknown[]
  required?: string[]
  properties?: Record<string, OpenApiSchema>
  additionalProperties?: boolean | OpenApiSchema
  items?: OpenApiSchema
  oneOf?: OpenApiSchema[]
  anyOf?: OpenApiSchema[]
  allOf?: OpenApiSchema[]
  minimum?: number
  maximum?: number
  minLength?: number
  maxLength?: number
  minItems?: number
  maxItems?: number
  format?: string
  default?: unknown
}

/** One parameter of an operation. */
export interface OpenApiParameter {
  name: string
  in: 'path' | 'query' | 'header' | 'cookie'
  required: boolean
  schema?: OpenApiSchema
}

/** One REST operation as extracted from the description. */
export interface OpenApiOperation {
  operationId: string
  method: string
  path: string
  parameters: OpenApiParameter[]
  requestBody?: { required: boolean; schema: OpenApiSchema }
  /** The described answers by status ("200", "404" …): the JSON body's schema when there is one. */
  responses: Record<string, { schema?: OpenApiSchema }>
}

/** Named schemas that `$ref` points at. */
export type OpenApiSchemas = Record<string, OpenApiSchema>

/** The extracted file: attribution, operations and the named schemas they reference. */
export interface OpenApiOperationsFile {
  source: { package: string; version: string; license: string; description: string }
  operations: OpenApiOperation[]
  schemas: OpenApiSchemas
}

/** How validateAgainstSchema reads a schema. */
export interface SchemaCheckOptions {
  /** Where `$ref` names are looked up. */
  schemas?: OpenApiSchemas
  /** Properties an object schema does not list are problems (GitHub's answers list every property they send). */
  strict?: boolean
}

/** An operation matched to a request path, with its decoded path parameters. */
export interface MatchedOperation {
  operation: OpenApiOperation
  pathParameters: Record<string, string>
}

/** Path parameters that may span several segments when they end a template (e.g. contents/{path}). */
const GREEDY_PARAMETERS = new Set(['path', 'ref'])

/** Reads test/github-twin/openapi-operations.json. */
export function loadOpenApiOperations(): OpenApiOperationsFile {
  const file = fileURLToPath(new URL('./openapi-operations.json', import.meta.url))
  return JSON.parse(readFileSync(file, 'utf8')) as OpenApiOperationsFile
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

/** The operation whose method and path template match, or undefined. `pathname` is the raw (encoded) path. */
export function matchOpenApiOperation(
  operations: OpenApiOperation[],
  method: string,
  pathname: string
): MatchedOperation | undefined {
  const segments = pathname.split('/').slice(1)
  for (const operation of operations) {
    if (operation.method !== method.toUpperCase()) continue
    const template = operation.path.split('/').slice(1)
    const pathParameters: Record<string, string> = {}
    let matched = true
    for (let i = 0; i < template.length; i++) {
      const part = template[i]
      const name = /^\{(.+)\}$/.exec(part)?.[1]
      if (name && i === template.length - 1 && GREEDY_PARAMETERS.has(name)) {
        const rest = segments.slice(i)
        if (!rest.length || rest.some(s => s === '')) matched = false
        else pathParameters[name] = rest.map(decodeSegment).join('/')
        break
      }
      const segment = segments[i]
      if (segment === undefined || segment === '') {
        matched = false
        break
      }
      if (name) pathParameters[name] = decodeSegment(segment)
      else if (segment !== part) {
        matched = false
        break
      }
      if (i === template.length - 1 && segments.length !== template.length) matched = false
    }
    if (matched) return { operation, pathParameters }
  }
  return undefined
}

function typeOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number'
  return typeof value
}

function fitsType(type: string, value: unknown): boolean {
  const actual = typeOf(value)
  if (type === 'number') return actual === 'number' || actual === 'integer'
  return actual === type
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/

function resolveSchema(
  schema: OpenApiSchema | undefined,
  options: SchemaCheckOptions
): OpenApiSchema | undefined {
  let current = schema
  for (let hops = 0; current?.$ref !== undefined; hops++) {
    const target: OpenApiSchema | undefined = options.schemas?.[current.$ref]
    if (!target || hops > 20)
      throw new Error(`the schema ${JSON.stringify(current.$ref)} is not in openapi-operations.json`)
    current = target
  }
  return current
}

/** Property names an object schema allows: its own, and those of the schemas it is allOf. */
function listedProperties(
  schema: OpenApiSchema,
  options: SchemaCheckOptions,
  into = new Set<string>()
): Set<string> {
  for (const name of Object.keys(schema.properties ?? {})) into.add(name)
  for (const sub of schema.allOf ?? []) {
    const resolved = resolveSchema(sub, options)
    if (resolved) listedProperties(resolved, options, into)
  }
  return into
}

/** Problems with `value` against `schema`, each naming where (`at`) and what was seen; empty when it fits. */
export function validateAgainstSchema(
  schema: OpenApiSchema | undefined,
  value: unknown,
  at: string,
  options: SchemaCheckOptions = {},
  /** Properties a parent schema (allOf, oneOf) lists, which this one must not call unknown. */
  alsoListed?: Set<string>
): string[] {
  const resolved = resolveSchema(schema, options)
  if (!resolved || Object.keys(resolved).length === 0) return []
  schema = resolved
  if (value === null) {
    if (schema.nullable || schema.type === undefined || schema.enum?.includes(null)) return []
    return [`${at} is null but must be ${schema.type}`]
  }
  const problems: string[] = []
  const listed = listedProperties(schema, options, new Set(alsoListed))
  if (schema.allOf)
    for (const sub of schema.allOf) problems.push(...validateAgainstSchema(sub, value, at, options, listed))
  for (const alternatives of [schema.oneOf, schema.anyOf]) {
    if (!alternatives) continue
    const attempts = alternatives.map(sub => validateAgainstSchema(sub, value, at, options, listed))
    if (!attempts.some(a => a.length === 0)) {
      const closest = [...attempts].sort((a, b) => a.length - b.length)[0] ?? []
      problems.push(
        `${at} (${JSON.stringify(value)?.slice(0, 60)}) matches none of the allowed schemas` +
          (closest.length ? ` (closest: ${closest.slice(0, 3).join('; ')})` : '')
      )
    }
  }
  if (schema.type && !fitsType(schema.type, value)) {
    return [
      ...problems,
      `${at} is ${typeOf(value)} (${JSON.stringify(value)?.slice(0, 60)}) but must be ${schema.type}`
    ]
  }
  if (schema.enum && !schema.enum.includes(value)) {
    problems.push(
      `${at} is ${JSON.stringify(value)} but must be one of ${schema.enum.map(v => JSON.stringify(v)).join(', ')}`
    )
  }
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength)
      problems.push(`${at} is shorter than ${schema.minLength}`)
    if (schema.maxLength !== undefined && value.length > schema.maxLength)
      problems.push(`${at} is longer than ${schema.maxLength}`)
    if (schema.format === 'date-time' && !DATE_TIME.test(value))
      problems.push(`${at} is ${JSON.stringify(value)} but must be an ISO 8601 date-time`)
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum)
      problems.push(`${at} is below ${schema.minimum}`)
    if (schema.maximum !== undefined && value > schema.maximum)
      problems.push(`${at} is above ${schema.maximum}`)
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems)
      problems.push(`${at} has fewer than ${schema.minItems} items`)
    if (schema.maxItems !== undefined && value.length > schema.maxItems)
      problems.push(`${at} has more than ${schema.maxItems} items`)
    value.forEach((item, i) =>
      problems.push(...validateAgainstSchema(schema.items, item, `${at}[${i}]`, options))
    )
  }
  if (typeOf(value) === 'object' && (schema.type === 'object' || schema.properties)) {
    const object = value as Record<string, unknown>
    for (const name of schema.required ?? []) {
      if (!(name in object)) problems.push(`${at}.${name} is required but missing`)
    }
    const strict =
      schema.additionalProperties === false ||
      (options.strict === true &&
        schema.properties !== undefined &&
        schema.additionalProperties === undefined)
    for (const [name, item] of Object.entries(object)) {
      const property = schema.properties?.[name]
      if (property) problems.push(...validateAgainstSchema(property, item, `${at}.${name}`, options))
      else if (typeof schema.additionalProperties === 'object')
        problems.push(...validateAgainstSchema(schema.additionalProperties, item, `${at}.${name}`, options))
      else if (strict && !listed.has(name))
        problems.push(
          schema.additionalProperties === false
            ? `${at}.${name} is not an allowed property`
            : `${at}.${name} is not a property GitHub's description lists here`
        )
    }
  }
  return problems
}

function parseQueryValue(schema: OpenApiSchema | undefined, raw: string): unknown {
  if (schema?.type === 'integer' || schema?.type === 'number')
    return /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw
  if (schema?.type === 'boolean') return raw === 'true' ? true : raw === 'false' ? false : raw
  return raw
}

/** Problems with a request's parameters and JSON body against its matched operation; empty when it fits. */
export function validateOpenApiRequest(
  match: MatchedOperation,
  query: URLSearchParams,
  body: unknown,
  schemas: OpenApiSchemas = {}
): string[] {
  const options = { schemas }
  const problems: string[] = []
  for (const parameter of match.operation.parameters) {
    if (parameter.in === 'path') {
      const value = match.pathParameters[parameter.name]
      if (value === undefined || value === '') problems.push(`path parameter ${parameter.name} is missing`)
      else
        problems.push(
          ...validateAgainstSchema(
            parameter.schema,
            parseQueryValue(parameter.schema, value),
            parameter.name,
            options
          )
        )
    } else if (parameter.in === 'query') {
      const raw = query.get(parameter.name)
      if (raw === null) {
        if (parameter.required) problems.push(`query parameter ${parameter.name} is required but missing`)
        continue
      }
      problems.push(
        ...validateAgainstSchema(
          parameter.schema,
          parseQueryValue(parameter.schema, raw),
          parameter.name,
          options
        )
      )
    }
  }
  const requestBody = match.operation.requestBody
  if (requestBody) {
    if (body === undefined) {
      if (requestBody.required) problems.push('a JSON request body is required but none was sent')
    } else {
      problems.push(...validateAgainstSchema(requestBody.schema, body, 'body', options))
    }
  }
  return problems
}

/** GitHub's error body, for errors an operation does not describe (rate limits, 5xx): message and documentation_url. */
const UNDESCRIBED_ERROR: OpenApiSchema = {
  type: 'object',
  properties: { message: { type: 'string' }, documentation_url: { type: 'string' } }
}

/**
 * Problems with an answer of the twin against its operation: a success status the description does not list,
 * or a JSON body that does not fit the schema of its status (strictly for successes: no unlisted property).
 * Errors GitHub may send on any operation (403 rate limits, 5xx) only need GitHub's error shape.
 * `body` undefined means no body; a Buffer (a raw media type) is not checked.
 */
export function validateOpenApiResponse(
  operation: OpenApiOperation,
  status: number,
  body: unknown,
  schemas: OpenApiSchemas = {}
): string[] {
  if (Buffer.isBuffer(body)) return []
  const described = operation.responses[String(status)]
  const success = status >= 200 && status < 300
  if (!described) {
    if (success)
      return [
        `${operation.operationId} answered ${status}, a status GitHub's description does not list for it`
      ]
    return body === undefined ? [] : validateAgainstSchema(UNDESCRIBED_ERROR, body, 'response', { schemas })
  }
  if (!described.schema) {
    return body === undefined || !success
      ? []
      : [`${operation.operationId} answered ${status} with a body, but GitHub's description gives it none`]
  }
  if (body === undefined)
    return [`${operation.operationId} answered ${status} without the body its description gives`]
  return validateAgainstSchema(described.schema, body, 'response', { schemas, strict: success })
}
