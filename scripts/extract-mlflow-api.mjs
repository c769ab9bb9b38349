#!/usr/bin/env node
// Extracts, from MLflow's published API (mlflow/protos/service.proto in MLflow's repository), the REST endpoints
// that the MLflow reader calls and the request and response messages they carry, and writes them as JSON to
// test/mlflow-twin/mlflow-api.json. The local MLflow stand-in server (test/mlflow-twin) checks every request and
// every response against that file. The proto file itself is not copied into the project.
//
//   node scripts/extract-mlflow-api.mjs <path to service.proto> [source commit]
//
// The path is the proto of a checkout of MLflow's repository (mlflow/protos/service.proto), or a file holding the
// parts of it named below verbatim. Proto2 is parsed as far as the extraction needs: services with their
// `option (rpc)` endpoints, messages (nested too), enums, and `optional`/`repeated`/`required` and `map<>` fields.
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** The rpcs of MlflowService the reader calls. */
const RPCS = [
  'getExperimentByName',
  'searchExperiments',
  'getExperiment',
  'searchRuns',
  'getRun',
  'getMetricHistory'
]
/** Proto scalar types and how proto3 JSON (MLflow's REST encoding) writes them. */
const SCALARS = {
  double: 'number',
  float: 'number',
  int32: 'integer',
  uint32: 'integer',
  sint32: 'integer',
  fixed32: 'integer',
  sfixed32: 'integer',
  // 64-bit integers are numbers or decimal strings in proto3 JSON.
  int64: 'int64',
  uint64: 'int64',
  sint64: 'int64',
  fixed64: 'int64',
  sfixed64: 'int64',
  bool: 'boolean',
  string: 'string',
  bytes: 'string'
}

const here = path.dirname(fileURLToPath(import.meta.url))
const outputFile = path.resolve(here, '..', 'test', 'mlflow-twin', 'mlflow-api.json')

/** Splits proto text into tokens, dropping comments. */
function tokenize(text) {
  const tokens = []
  const re =
    /\s+|\/\/[^\n]*|\/\*[\s\S]*?\*\/|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[A-Za-z_][\w.]*|-?\d[\w.]*|[{}[\]()<>;=,:]|./g
  for (const m of text.matchAll(re)) {
    const t = m[0]
    if (/^\s/.test(t) || t.startsWith('//') || t.startsWith('/*')) continue
    tokens.push(t)
  }
  return tokens
}

/** Parses the proto into messages (by full name), enums (by full name) and rpcs (by name). */
function parseProto(text) {
  const tokens = tokenize(text)
  let i = 0
  const messages = {}
  const enums = {}
  const rpcs = {}
  const peek = () => tokens[i]
  const next = () => tokens[i++]
  const expect = t => {
    const got = next()
    if (got !== t) throw new Error(`expected ${t} at token ${i}, found ${got}`)
  }
  /** Skips a balanced {...}, [...] or (...) group starting at the current opening token. */
  const skipGroup = () => {
    const open = next()
    const close = { '{': '}', '[': ']', '(': ')' }[open]
    let depth = 1
    while (depth > 0 && i < tokens.length) {
      const t = next()
      if (t === open) depth++
      else if (t === close) depth--
    }
  }
  /** Skips a statement up to its `;`, including balanced groups. */
  const skipStatement = () => {
    while (i < tokens.length && peek() !== ';') {
      if (['{', '[', '('].includes(peek())) skipGroup()
      else next()
    }
    next()
  }
  const parseEnum = scope => {
    const name = next()
    const values = []
    expect('{')
    while (peek() !== '}') {
      if (peek() === 'option' || peek() === 'reserved') {
        skipStatement()
        continue
      }
      const value = next()
      expect('=')
      next()
      if (peek() === '[') skipGroup()
      expect(';')
      values.push(value)
    }
    expect('}')
    enums[scope ? `${scope}.${name}` : name] = values
  }
  const parseMessage = scope => {
    const name = next()
    const full = scope ? `${scope}.${name}` : name
    const fields = []
    expect('{')
    while (peek() !== '}') {
      const t = peek()
      if (t === 'message') {
        next()
        parseMessage(full)
      } else if (t === 'enum') {
        next()
        parseEnum(full)
      } else if (t === 'option' || t === 'reserved' || t === 'extensions') skipStatement()
      else if (t === 'oneof') {
        next()
        next()
        expect('{')
        while (peek() !== '}') fields.push(parseField(undefined))
        expect('}')
      } else if (t === ';') next()
      else {
        const label = ['optional', 'repeated', 'required'].includes(t) ? next() : undefined
        fields.push(parseField(label))
      }
    }
    expect('}')
    messages[full] = { scope: full, fields }
  }
  const parseField = label => {
    let type = next()
    let mapValue
    if (type === 'map') {
      expect('<')
      const key = next()
      expect(',')
      mapValue = next()
      expect('>')
      type = `map<${key},${mapValue}>`
    }
    const name = next()
    expect('=')
    next()
    let defaultValue
    if (peek() === '[') {
      const start = i
      skipGroup()
      const options = tokens.slice(start, i)
      const d = options.indexOf('default')
      if (d >= 0 && options[d + 1] === '=') defaultValue = options[d + 2]
    }
    expect(';')
    const field = { name, type: mapValue ? 'map' : type, repeated: label === 'repeated' }
    if (mapValue) field.mapValue = mapValue
    if (label === 'required') field.required = true
    if (defaultValue !== undefined) field.default = defaultValue.replace(/^"|"$/g, '')
    return field
  }
  const parseService = () => {
    next() // service
    next() // its name
    expect('{')
    while (peek() !== '}') {
      if (peek() !== 'rpc') {
        skipStatement()
        continue
      }
      next()
      const name = next()
      expect('(')
      const request = next()
      expect(')')
      expect('returns')
      expect('(')
      const response = next()
      expect(')')
      const endpoints = []
      if (peek() === '{') {
        const start = i
        skipGroup()
        const body = tokens.slice(start, i)
        for (let k = 0; k < body.length; k++) {
          if (body[k] === 'method' && body[k + 1] === ':') {
            const method = body[k + 2].replace(/"/g, '')
            const p = body.indexOf('path', k)
            endpoints.push({ method, path: body[p + 2].replace(/"/g, '') })
          }
        }
      } else expect(';')
      rpcs[name] = { name, request, response, endpoints }
    }
    expect('}')
  }
  while (i < tokens.length) {
    const t = peek()
    if (t === 'message') {
      next()
      parseMessage('')
    } else if (t === 'enum') {
      next()
      parseEnum('')
    } else if (t === 'service') parseService()
    else skipStatement()
  }
  return { messages, enums, rpcs }
}

/** Resolves a type name as protobuf does: from the innermost scope outwards. */
function resolve(name, scope, proto) {
  const parts = scope ? scope.split('.') : []
  for (let k = parts.length; k >= 0; k--) {
    const candidate = [...parts.slice(0, k), name].join('.')
    if (proto.messages[candidate]) return { kind: 'message', name: candidate }
    if (proto.enums[candidate]) return { kind: 'enum', name: candidate }
  }
  return undefined
}

function main() {
  const [protoFile, commit] = process.argv.slice(2)
  if (!protoFile) {
    console.error('usage: node scripts/extract-mlflow-api.mjs <path to mlflow/protos/service.proto> [commit]')
    process.exit(2)
  }
  const proto = parseProto(readFileSync(protoFile, 'utf8').replace(/^\uFEFF/, ''))
  const messages = {}
  const enums = {}
  const visit = (name, scope) => {
    const found = resolve(name, scope, proto)
    if (!found) throw new Error(`type ${name} (in ${scope || 'the file'}) is not defined in ${protoFile}`)
    if (found.kind === 'enum') {
      enums[found.name] = proto.enums[found.name]
      return found.name
    }
    if (messages[found.name]) return found.name
    const message = proto.messages[found.name]
    const fields = {}
    messages[found.name] = { fields }
    for (const f of message.fields) {
      const typeName = f.type === 'map' ? f.mapValue : f.type
      const scalar = SCALARS[typeName]
      const entry = { repeated: f.repeated }
      if (f.type === 'map') entry.map = true
      if (scalar) entry.type = scalar
      else {
        const ref = visit(typeName, message.scope)
        if (proto.enums[ref]) entry.enum = ref
        else entry.message = ref
      }
      if (f.default !== undefined) entry.default = f.default
      fields[f.name] = entry
    }
    return found.name
  }
  const endpoints = []
  for (const name of RPCS) {
    const rpc = proto.rpcs[name]
    if (!rpc) throw new Error(`rpc ${name} is not in ${protoFile}`)
    const request = visit(rpc.request, '')
    const response = visit(rpc.response, '')
    for (const e of rpc.endpoints)
      endpoints.push({ rpc: name, method: e.method, path: `/api/2.0${e.path}`, request, response })
  }
  const output = {
    source: {
      repository: 'mlflow/mlflow',
      file: 'mlflow/protos/service.proto',
      commit: commit ?? 'unknown',
      license: 'Apache-2.0',
      copyright: 'Copyright 2018 Databricks, Inc. (MLflow)',
      extractedBy: 'scripts/extract-mlflow-api.mjs',
      note: 'Only the endpoints the MLflow reader calls and the messages they carry; REST paths under /api/2.0, JSON as proto3 JSON (int64 as a number or a decimal string, enums by name).'
    },
    endpoints,
    messages: Object.fromEntries(Object.entries(messages).sort(([a], [b]) => (a < b ? -1 : 1))),
    enums: Object.fromEntries(Object.entries(enums).sort(([a], [b]) => (a < b ? -1 : 1)))
  }
  writeFileSync(outputFile, `${JSON.stringify(output, null, 1)}\n`)
  console.log(
    `wrote ${path.relative(process.cwd(), outputFile)}: ${endpoints.length} endpoints, ${Object.keys(messages).length} messages, ${Object.keys(enums).length} enums`
  )
}

main()
