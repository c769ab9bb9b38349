// The champion's plots for a review: its images and confusion matrices found in its run folder, the images hosted
// on the assets branch (the action, `review --repo`) or linked by path (the CLI's markdown), and the baseline's
// recorded plots beside them. Images are never evidence: a failure here is said and the review goes on.
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import {
  assetPath,
  DEFAULT_ARTIFACT_RULES,
  isAssetPath,
  isAssetsBranchName,
  type ImageArtifact,
  type RecordedImage,
  type RunArtifacts
} from '../core/artifacts.js'
import type { BaselineRecord, RecordedPlots } from '../core/baseline.js'
import type { Comparison } from '../core/compare.js'
import { compareConfusion, isConfusionMatrix, type ConfusionMatrix } from '../core/confusion.js'
import { groupRuns } from '../core/experiment.js'
import { formatDiagnostic, type Collection, type Run } from '../core/run.js'
import type { Rules } from '../core/rules.js'
import { GitHubApiError } from '../github/client.js'
import { uploadAssets } from '../github/assets.js'
import type { RepositoryRef } from '../github/pr.js'
import { githubUrl, relativeUrl, type OwnUrl } from '../report/mdast.js'
import { assetsBranchImageUrl, confusionView, type PlotImageView, type PlotsView } from '../report/plots.js'
import { collectRunArtifacts } from '../sources/artifacts.js'
import type { ReviewRequest } from './review-request.js'

/** The run of a collection the champion was read from (its first run). */
export function championRun(comparison: Comparison, collection: Collection): Run | undefined {
  const champion = comparison.champion
  if (!champion) return undefined
  return collection.runs.find(r => champion.paths.includes(r.path) && r.source === champion.source)
}

/** The champion's artifacts, read from its run folder under the rules' `artifacts`. */
export async function championArtifacts(
  comparison: Comparison,
  collection: Collection,
  workspace: string,
  rules: Rules
): Promise<{ run: Run; artifacts: RunArtifacts } | undefined> {
  const run = championRun(comparison, collection)
  if (!run) return undefined
  const artifacts = await collectRunArtifacts(run, {
    workspace,
    rules: rules.artifacts ?? DEFAULT_ARTIFACT_RULES
  })
  return { run, artifacts }
}

/** Where the images of a view are shown from: the assets branch on GitHub, or paths relative to a folder. */
export type ImageHost =
  | { kind: 'branch'; serverUrl: string; owner: string; repo: string; branch: string }
  | { kind: 'relative'; from: string; workspace: string }

/** The URL of an image on the host's assets branch (GITHUB_SERVER_URL/OWNER/REPO/raw/BRANCH/PATH). */
function branchImageUrl(host: Extract<ImageHost, { kind: 'branch' }>, file: string): OwnUrl | undefined {
  return assetsBranchImageUrl(githubUrl(host.serverUrl, host.owner, host.repo), host.branch, file)
}

function imageUrl(host: ImageHost | undefined, image: ImageArtifact): OwnUrl | undefined {
  if (!host) return undefined
  if (host.kind === 'branch') return branchImageUrl(host, assetPath(image))
  const rel = path.relative(host.from, path.resolve(host.workspace, image.file))
  return relativeUrl(rel.split(path.sep))
}

/** The view of the champion's plots: images with their URLs beside the baseline's, confusion against the baseline's. */
export function plotsView(input: {
  run: Run
  artifacts: RunArtifacts
  baseline?: RecordedPlots
  host?: ImageHost
  notShown?: string
}): PlotsView {
  const { artifacts, baseline, host } = input
  const recorded = new Map<string, RecordedImage>(
    (baseline?.images ?? [])
      .filter(i => isAssetPath(i?.path) && typeof i.name === 'string')
      .map(i => [i.name, i])
  )
  // The baseline's images are on the branch its promote committed them to (the review's own, unless recorded).
  const recordedHost =
    host?.kind === 'branch' && isAssetsBranchName(baseline?.branch)
      ? { ...host, branch: baseline.branch }
      : host
  const baselineUrl = (name: string) => {
    const r = recorded.get(name)
    return r && recordedHost?.kind === 'branch' ? branchImageUrl(recordedHost, r.path) : undefined
  }
  const images: PlotImageView[] = artifacts.images.map(im => {
    const url = input.notShown ? undefined : imageUrl(host, im)
    const before = baselineUrl(im.name)
    return {
      name: im.name,
      kind: im.kind,
      ...(url ? { url } : {}),
      ...(before ? { baselineUrl: before } : {})
    }
  })
  const names = new Set(artifacts.images.map(i => i.name))
  const baselineOnly: PlotImageView[] = [...recorded.values()]
    .filter(r => !names.has(r.name))
    .flatMap(r => {
      const url = baselineUrl(r.name)
      return url ? [{ name: r.name, kind: r.kind, baselineUrl: url }] : []
    })
  const baselineMatrices = new Map<string, ConfusionMatrix>(
    (baseline?.confusion ?? []).filter(isConfusionMatrix).map(m => [m.name, m])
  )
  return {
    run: input.run.name,
    images,
    baselineOnly,
    confusion: artifacts.confusion.map(m => confusionView(compareConfusion(m, baselineMatrices.get(m.name)))),
    imagesOverCap: artifacts.imagesOverCap,
    refused: artifacts.diagnostics.map(formatDiagnostic),
    ...(input.notShown && artifacts.images.length ? { notShown: input.notShown } : {})
  }
}

/** What hosting the images did: written paths, or why they are not shown. */
export interface HostedImages {
  written: string[]
  commitSha?: string
  notShown?: string
}

/**
 * Commits the images to the assets branch (only those not there yet). A refusal (403: a fork's read-only token, a
 * job without contents: write) or any other failure is returned as why the images are not shown, never thrown.
 */
export async function hostImages(
  ref: RepositoryRef & { branch: string; defaultBranch?: string },
  images: ImageArtifact[],
  workspace: string,
  message: string,
  explainRefusal: (error: GitHubApiError) => string
): Promise<HostedImages> {
  if (!images.length) return { written: [] }
  try {
    const files = await Promise.all(
      images.map(async im => ({
        path: assetPath(im),
        content: await readFile(path.resolve(workspace, im.file))
      }))
    )
    const result = await uploadAssets({ ...ref, files, message })
    return { written: result.written, ...(result.commitSha ? { commitSha: result.commitSha } : {}) }
  } catch (error) {
    if (error instanceof GitHubApiError && error.status === 403)
      return { written: [], notShown: explainRefusal(error) }
    return { written: [], notShown: `uploading them to ${ref.branch} failed: ${(error as Error).message}` }
  }
}

/** What a baseline records of its champion's plots: images by their path on the assets branch, the matrices. */
export function recordedPlots(
  run: Run,
  artifacts: RunArtifacts,
  branch: string | undefined
): RecordedPlots | undefined {
  const images = branch ? artifacts.images : []
  if (!images.length && !artifacts.confusion.length) return undefined
  return {
    run: run.name,
    ...(images.length ? { branch } : {}),
    images: images.map(im => ({ name: im.name, path: assetPath(im), kind: im.kind })),
    confusion: artifacts.confusion
  }
}

/**
 * The plots promote records with a new champion (experiment `name` of `runs`): its images committed to the assets
 * branch (when that fails, the matrices are recorded without them and `warnings` says why), and its matrices.
 */
export async function promotedPlots(input: {
  ref: RepositoryRef
  branch: string | undefined
  defaultBranch: string
  workspace: string
  rules: Rules
  runs: Run[]
  champion: string
  warnings: string[]
}): Promise<RecordedPlots | undefined> {
  const experiment = groupRuns(input.runs, input.rules).find(e => e.name === input.champion)
  const run = experiment?.runs[0]
  if (!run) return undefined
  const artifacts = await collectRunArtifacts(run, {
    workspace: input.workspace,
    rules: input.rules.artifacts ?? DEFAULT_ARTIFACT_RULES
  })
  input.warnings.push(...artifacts.diagnostics.map(formatDiagnostic))
  let branch = input.branch
  if (branch && artifacts.images.length) {
    const hosted = await hostImages(
      { ...input.ref, branch, defaultBranch: input.defaultBranch },
      artifacts.images,
      input.workspace,
      `Experiment Review: images of the champion ${input.champion.replace(/[^\w.-]/g, '-').slice(0, 60)}`,
      error =>
        `${error.message} The champion's images are recorded without them; give the promote job contents: write.`
    )
    if (hosted.notShown) {
      input.warnings.push(`The champion's images were not committed to ${branch}: ${hosted.notShown}`)
      branch = undefined
    }
  }
  return recordedPlots(run, artifacts, branch)
}

/** The baseline's recorded plots, when it has any. */
export function baselinePlots(record: BaselineRecord | undefined): RecordedPlots | undefined {
  const plots = record?.plots
  return plots && Array.isArray(plots.images) && Array.isArray(plots.confusion) ? plots : undefined
}

/** Why images were not uploaded when GitHub refused the write (403), for a fork's PR and for the repository's own. */
function refusedUploadText(branch: string, fromFork: boolean): string {
  return fromFork
    ? `the token of a pull request from a fork is read-only, so they were not uploaded to ${branch}; the rest of the review is complete.`
    : `the job's token may not write to the repository (GitHub answered 403), so they were not uploaded to ${branch}. Add contents: write to the review job's permissions to show them, or set assets-branch: none.`
}

/**
 * The plots of a review: the champion's artifacts, its images hosted on the assets branch (unless assets-branch is
 * none or the review is stale), and the baseline's recorded plots. Undefined when the champion produced none.
 */
export async function reviewPlots(
  request: ReviewRequest,
  comparison: Comparison,
  collection: Collection,
  rules: Rules,
  baseline: BaselineRecord | undefined
): Promise<PlotsView | undefined> {
  const { config, log, pr } = request
  const found = await championArtifacts(comparison, collection, config.workspace, rules)
  const recorded = baselinePlots(baseline)
  if (!found) return undefined
  const { run, artifacts } = found
  if (!artifacts.images.length && !artifacts.confusion.length && !artifacts.diagnostics.length && !recorded)
    return undefined
  for (const d of artifacts.diagnostics) log.warning(formatDiagnostic(d))
  const branch = config.assetsBranch
  let notShown: string | undefined
  if (!branch) notShown = 'image hosting is off (assets-branch: none).'
  else if (request.stale) notShown = `the review is stale (${request.stale}).`
  else if (artifacts.images.length) {
    const hosted = await hostImages(
      {
        client: await request.client(),
        owner: request.owner,
        repo: request.repo,
        branch,
        defaultBranch: pr.baseRef
      },
      artifacts.images,
      config.workspace,
      `Experiment Review: images of pull request #${pr.number} (${config.id})`,
      () => refusedUploadText(branch, pr.fromFork)
    )
    notShown = hosted.notShown
    if (notShown) log.warning(`Experiment Review: images not shown: ${notShown}`)
    else
      log.info(
        hosted.written.length
          ? `Images: ${hosted.written.length} of ${artifacts.images.length} committed to ${branch} (${hosted.commitSha})`
          : `Images: all ${artifacts.images.length} already on ${branch}; nothing written`
      )
  }
  const host: ImageHost | undefined = branch
    ? {
        kind: 'branch',
        serverUrl: request.serverUrl ?? 'https://github.com',
        owner: request.owner,
        repo: request.repo,
        branch
      }
    : undefined
  return plotsView({ run, artifacts, baseline: recorded, host, notShown })
}

/**
 * The champion's plots for the CLI's markdown: images linked by their path relative to `cwd` (nothing uploaded),
 * confusion matrices against the baseline's recorded ones; with the problems met, as lines for stderr.
 */
export async function localPlots(
  comparison: Comparison,
  collection: Collection,
  workspace: string,
  cwd: string,
  rules: Rules,
  baseline: BaselineRecord | undefined
): Promise<{ view: PlotsView; diagnostics: string[] } | undefined> {
  const found = await championArtifacts(comparison, collection, workspace, rules)
  if (!found) return undefined
  const { run, artifacts } = found
  const host: ImageHost = { kind: 'relative', from: cwd, workspace }
  const view = plotsView({ run, artifacts, baseline: baselinePlots(baseline), host })
  return { view, diagnostics: artifacts.diagnostics.map(formatDiagnostic) }
}
