// Checks requests to and responses from the MLflow twin against MLflow's published API: the endpoints and the
// request/response messages of mlflow/protos/service.proto, extracted by scripts/extract-mlflow-api.mjs into
// mlflow-api.json. Messages are checked as proto3 JSON: known fields only, repeated fields as arrays, int64 as an
// integer or a decimal string, doubles as numbers or "NaN"/"Infinity"/"-Infinity", enums by name.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** One field of a message as extracted. */
export interface ApiField {
  repeated: boolean
  map?: boolean
  type?: 'number' | 'integer' | 'int64' | 'boolean' | 'string'
  message?: string
  enum?: string
  default?: string
}

/** The extracted description: attribution, endpoints and their messages. */
export interface MlflowApi {
  source: { repository: string; file: string; commit: string; license: string }
  endpoints: { rpc: string; method: string; path: string; request: string; response: string }[]
  messages: Record<string, { fields: Record<string, ApiField> }>
  enums: Record<string, string[]>
}

/** MLflow's API as extracted from service.proto. */
export const MLFLOW_API: MlflowApi = JSON.parse(
  readFileSync(fileURLToPath(new URL('./mlflow-api.json', import.meta.url)), 'utf8')
)

/** The endpoint of a method and path, if MLflow's API has it. */
export function findEndpoint(method: string, path: string): MlflowApi['endpoints'][number] | undefined {
  return MLFLOW_API.endpoints.find(e => e.method === method && e.path === path)
}

/** Problems of a JSON value as the given message (empty when it fits). */
export function checkMessage(message: string, value: unknown, where = message): string[] {
  const spec = MLFLOW_API.messages[message]
  if (!spec) return [`${where}: message ${message} is not in the extracted API`]
  if (!value || typeof value !== 'object' || Array.isArray(value))
    return [`${where}: expected a JSON object for ${message}, got ${JSON.stringify(value)?.slice(0, 80)}`]
  const problems: string[] = []
  for (const [key, v] of Object.entries(value)) {
    const field = spec.fields[key]
    if (!field) {
      problems.push(`${where}.${key}: ${message} has no field ${key}`)
      continue
    }
    if (field.repeated) {
      if (!Array.isArray(v)) problems.push(`${where}.${key}: repeated field, expected an array`)
      else v.forEach((item, i) => problems.push(...checkValue(field, item, `${where}.${key}[${i}]`)))
    } else problems.push(...checkValue(field, v, `${where}.${key}`))
  }
  return problems
}

/** Problems of one (non-repeated) value of a field. */
function checkValue(field: ApiField, v: unknown, where: string): string[] {
  if (field.message) return checkMessage(field.message, v, where)
  if (field.enum) {
    const values = MLFLOW_API.enums[field.enum]
    return typeof v === 'string' && values.includes(v)
      ? []
      : [`${where}: expected one of ${values.join(', ')} (enum ${field.enum}), got ${JSON.stringify(v)}`]
  }
  switch (field.type) {
    case 'string':
      return typeof v === 'string' ? [] : [`${where}: expected a string, got ${JSON.stringify(v)}`]
    case 'boolean':
      return typeof v === 'boolean' ? [] : [`${where}: expected a boolean, got ${JSON.stringify(v)}`]
    case 'integer':
      return Number.isInteger(v) ? [] : [`${where}: expected an integer, got ${JSON.stringify(v)}`]
    case 'int64':
      return Number.isInteger(v) || (typeof v === 'string' && /^-?\d+$/.test(v))
        ? []
        : [`${where}: expected an int64 (integer or decimal string), got ${JSON.stringify(v)}`]
    case 'number':
      return typeof v === 'number' || (typeof v === 'string' && /^(NaN|-?Infinity)$/.test(v))
        ? []
        : [`${where}: expected a double, got ${JSON.stringify(v)}`]
    default:
      return [`${where}: field of unknown type`]
  }
}

/**
 * A GET request's query as a message: every parameter must be a field; scalar fields appear once, repeated ones
 * may repeat. Returns the decoded request and its problems.
 */
export function checkQuery(
  message: string,
  query: URLSearchParams
): { request: Record<string, unknown>; problems: string[] } {
  const spec = MLFLOW_API.messages[message]
  const request: Record<string, unknown> = {}
  const problems: string[] = []
  for (const key of new Set(query.keys())) {
    const field = spec.fields[key]
    const values = query.getAll(key)
    if (!field) {
      problems.push(`query ${key}: ${message} has no field ${key}`)
      continue
    }
    if (!field.repeated && values.length > 1) problems.push(`query ${key}: given ${values.length} times`)
    const typed = values.map(v =>
      field.type === 'integer' || field.type === 'int64'
        ? /^-?\d+$/.test(v)
          ? Number(v)
          : v
        : field.type === 'boolean'
          ? v === 'true'
            ? true
            : v === 'false'
              ? false
              : v
          : v
    )
    for (const t of typed) problems.push(...checkValue(field, t, `query ${key}`))
    request[key] = field.repeated ? typed : typed[0]
  }
  return { request, problems }
}
