#!/usr/bin/env node
// Extracts, from GitHub's published OpenAPI description, only the REST operations that the local GitHub
// twin (test/github-twin) serves (parameters, request body and JSON response schemas, and the named schemas
// they reference), and writes them to test/github-twin/openapi-operations.json. The twin checks every request
// and every response against them.
//
// @octokit/openapi is about 400 MB unpacked, so it is never a dependency: this script fetches its tarball
// with `npm pack` into a temporary folder, unpacks the one file it needs, and deletes the folder.
//
//   node scripts/extract-openapi.mjs [version]        (default: the latest published version)
//   node scripts/extract-openapi.mjs FILE.tgz         (a tarball `npm pack @octokit/openapi` already fetched)
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const PACKAGE = '@octokit/openapi'
const SPEC_FILE = 'package/generated/api.github.com.json'
const here = path.dirname(fileURLToPath(import.meta.url))
const outputFile = path.resolve(here, '..', 'test', 'github-twin', 'openapi-operations.json')

/** The operations the twin serves: [method, path template as written in the description]. */
const OPERATIONS = [
  ['get', '/user'],
  ['get', '/rate_limit'],
  ['get', '/repos/{owner}/{repo}'],
  ['get', '/repos/{owner}/{repo}/pulls'],
  ['post', '/repos/{owner}/{repo}/pulls'],
  ['get', '/repos/{owner}/{repo}/pulls/{pull_number}'],
  ['get', '/repos/{owner}/{repo}/pulls/{pull_number}/files'],
  ['put', '/repos/{owner}/{repo}/pulls/{pull_number}/merge'],
  ['get', '/repos/{owner}/{repo}/commits/{commit_sha}/pulls'],
  ['get', '/repos/{owner}/{repo}/issues/{issue_number}/comments'],
  ['post', '/repos/{owner}/{repo}/issues/{issue_number}/comments'],
  ['get', '/repos/{owner}/{repo}/issues/comments/{comment_id}'],
  ['patch', '/repos/{owner}/{repo}/issues/comments/{comment_id}'],
  ['delete', '/repos/{owner}/{repo}/issues/comments/{comment_id}'],
  ['get', '/repos/{owner}/{repo}/issues/comments/{comment_id}/reactions'],
  ['post', '/repos/{owner}/{repo}/issues/comments/{comment_id}/reactions'],
  ['get', '/repos/{owner}/{repo}/contents/{path}'],
  ['get', '/repos/{owner}/{repo}/git/ref/{ref}'],
  ['patch', '/repos/{owner}/{repo}/git/refs/{ref}'],
  ['post', '/repos/{owner}/{repo}/git/refs'],
  ['get', '/repos/{owner}/{repo}/git/commits/{commit_sha}'],
  ['post', '/repos/{owner}/{repo}/git/commits'],
  ['post', '/repos/{owner}/{repo}/git/blobs'],
  ['get', '/repos/{owner}/{repo}/git/blobs/{file_sha}'],
  ['post', '/repos/{owner}/{repo}/git/trees'],
  ['get', '/repos/{owner}/{repo}/git/trees/{tree_sha}'],
  ['get', '/repos/{owner}/{repo}/issues'],
  ['post', '/repos/{owner}/{repo}/issues'],
  ['get', '/repos/{owner}/{repo}/issues/{issue_number}'],
  ['patch', '/repos/{owner}/{repo}/issues/{issue_number}'],
  ['get', '/repos/{owner}/{repo}/labels'],
  ['post', '/repos/{owner}/{repo}/labels'],
  ['post', '/repos/{owner}/{repo}/issues/{issue_number}/labels'],
  ['get', '/repos/{owner}/{repo}/collaborators/{username}/permission'],
  ['post', '/repos/{owner}/{repo}/statuses/{sha}'],
  ['post', '/repos/{owner}/{repo}/actions/runs/{run_id}/rerun-failed-jobs']
]

/** Schema keywords kept; descriptions, examples and the like are dropped to keep the file small. */
const KEPT_KEYWORDS = new Set([
  'type',
  'nullable',
  'enum',
  'required',
  'properties',
  'additionalProperties',
  'items',
  'oneOf',
  'anyOf',
  'allOf',
  'minimum',
  'maximum',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'format',
  'default'
])

function run(command, args, cwd) {
  return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
}

function resolvePointer(spec, ref) {
  if (!ref.startsWith('#/'))
    throw new Error(`Unsupported $ref ${JSON.stringify(ref)}: only local references are known`)
  return ref
    .slice(2)
    .split('/')
    .reduce((node, key) => node?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], spec)
}

const SCHEMA_REF = '#/components/schemas/'

/**
 * A schema with unknown keywords dropped. References to named component schemas stay references
 * (`{ $ref: name }`), and each named schema reached is trimmed once into `schemas`, so recursive and shared
 * schemas are kept whole without repeating them; other references are inlined.
 */
function trimSchema(spec, schema, schemas) {
  if (schema === undefined || schema === null || typeof schema !== 'object') return schema
  if (schema.$ref) {
    if (schema.$ref.startsWith(SCHEMA_REF)) {
      const name = schema.$ref.slice(SCHEMA_REF.length)
      if (!(name in schemas)) {
        schemas[name] = {}
        schemas[name] = trimSchema(spec, resolvePointer(spec, schema.$ref), schemas)
      }
      return { $ref: name }
    }
    return trimSchema(spec, resolvePointer(spec, schema.$ref), schemas)
  }
  const out = {}
  for (const [key, value] of Object.entries(schema)) {
    if (!KEPT_KEYWORDS.has(key)) continue
    if (key === 'properties') {
      out.properties = Object.fromEntries(
        Object.entries(value).map(([name, sub]) => [name, trimSchema(spec, sub, schemas)])
      )
    } else if (key === 'items' || (key === 'additionalProperties' && typeof value === 'object')) {
      out[key] = trimSchema(spec, value, schemas)
    } else if (key === 'oneOf' || key === 'anyOf' || key === 'allOf') {
      out[key] = value.map(sub => trimSchema(spec, sub, schemas))
    } else {
      out[key] = value
    }
  }
  return out
}

const resolved = (spec, node) => (node?.$ref ? resolvePointer(spec, node.$ref) : node)

/** The responses of an operation by status: the JSON body's schema when the description gives one. */
function extractResponses(spec, operation, schemas) {
  const responses = {}
  for (const [status, value] of Object.entries(operation.responses ?? {})) {
    const response = resolved(spec, value)
    const json = response?.content?.['application/json']
    responses[status] = json?.schema ? { schema: trimSchema(spec, json.schema, schemas) } : {}
  }
  return responses
}

function extractOperation(spec, method, template, schemas) {
  const operation = spec.paths[template]?.[method]
  if (!operation)
    throw new Error(`${method.toUpperCase()} ${template} is not in ${PACKAGE}: update OPERATIONS`)
  const parameters = [...(spec.paths[template].parameters ?? []), ...(operation.parameters ?? [])].map(p => {
    const parameter = resolved(spec, p)
    return {
      name: parameter.name,
      in: parameter.in,
      required: Boolean(parameter.required),
      schema: trimSchema(spec, parameter.schema, schemas)
    }
  })
  const body = resolved(spec, operation.requestBody)
  const json = body?.content?.['application/json']
  return {
    operationId: operation.operationId,
    method: method.toUpperCase(),
    path: template,
    parameters,
    ...(json
      ? {
          requestBody: {
            required: Boolean(body.required),
            schema: trimSchema(spec, json.schema, schemas)
          }
        }
      : {}),
    responses: extractResponses(spec, operation, schemas)
  }
}

const argument = process.argv[2]
const workDir = mkdtempSync(path.join(tmpdir(), 'octokit-openapi-'))
try {
  let tarball
  if (argument?.endsWith('.tgz')) tarball = path.resolve(argument)
  else {
    const version = argument ?? run('npm', ['view', PACKAGE, 'version']).trim()
    run('npm', ['pack', `${PACKAGE}@${version}`, '--silent'], workDir)
    tarball = readdirSync(workDir).find(f => f.endsWith('.tgz'))
    if (!tarball) throw new Error(`npm pack ${PACKAGE}@${version} left no .tgz in ${workDir}`)
  }
  run('tar', ['xzf', tarball, SPEC_FILE, 'package/package.json'], workDir)
  const pkg = JSON.parse(readFileSync(path.join(workDir, 'package/package.json'), 'utf8'))
  const spec = JSON.parse(readFileSync(path.join(workDir, SPEC_FILE), 'utf8'))
  const schemas = {}
  const operations = OPERATIONS.map(([method, template]) => extractOperation(spec, method, template, schemas))
  const result = {
    source: {
      package: PACKAGE,
      version: pkg.version,
      file: SPEC_FILE.replace(/^package\//, ''),
      license: pkg.license ?? 'MIT',
      description: "GitHub's REST API description, github/rest-api-description",
      openapi: spec.openapi,
      apiVersion: spec.info?.version,
      extractedBy: 'scripts/extract-openapi.mjs',
      note: 'Only the operations the twin serves, their request and JSON response schemas, and the named schemas they reference ($ref: name); descriptions and examples dropped.'
    },
    operations,
    schemas: Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b)))
  }
  writeFileSync(outputFile, JSON.stringify(result, null, 1) + '\n')
  console.log(
    `wrote ${path.relative(process.cwd(), outputFile)}: ${operations.length} operations and ${Object.keys(schemas).length} schemas from ${PACKAGE}@${pkg.version}`
  )
} finally {
  rmSync(workDir, { recursive: true, force: true })
}
