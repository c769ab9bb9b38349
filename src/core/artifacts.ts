// What runs produce besides numbers: images (a confusion matrix, ROC curve, sample predictions) and confusion data,
// which images of a run are picked, and how they pair with the baseline's. Pure types and helpers.
import type { ConfusionMatrix } from './confusion.js'
import type { Diagnostic } from './run.js'

/** The image formats shown: recognised by their first bytes, never by the file name alone. */
export type ImageKind = 'png' | 'jpeg' | 'gif' | 'svg'

/** File name endings of each image kind. */
export const IMAGE_EXTENSIONS: Readonly<Record<string, ImageKind>> = {
  '.png': 'png',
  '.jpg': 'jpeg',
  '.jpeg': 'jpeg',
  '.gif': 'gif',
  '.svg': 'svg'
}

/** An image a run produced, checked by its signature. Names and paths are untrusted. */
export interface ImageArtifact {
  /** Its path inside the run folder, `/`-separated: what pairs it with the baseline's image. */
  name: string
  /** Its path relative to the workspace. */
  file: string
  kind: ImageKind
  bytes: number
  /** SHA-256 of the content, hex: the image's address on the assets branch. */
  sha256: string
}

/** What one run produced: its images (picked by the artifacts rules) and its confusion matrices. */
export interface RunArtifacts {
  images: ImageArtifact[]
  confusion: ConfusionMatrix[]
  /** Images refused or left out, confusion data that could not be read. */
  diagnostics: Diagnostic[]
  /** How many images matched but were left out by the count cap. */
  imagesOverCap: number
}

/** Which images of a run are shown (rules-file `artifacts`). */
export interface ArtifactRules {
  /** Globs (picomatch) matched against paths inside the run folder; empty means every image found. */
  images: string[]
  /** The most images shown per run, first by name. */
  maxCount: number
  /** The largest image shown, in bytes. */
  maxBytes: number
}

/** Without an `artifacts` section: every image found, the first 4 by name, at most 1 MB each. */
export const DEFAULT_ARTIFACT_RULES: ArtifactRules = { images: [], maxCount: 4, maxBytes: 1024 * 1024 }

/** The assets branch images are committed to, unless configured. */
export const DEFAULT_ASSETS_BRANCH = 'experiment-review/assets'

/** The path of an image on the assets branch: its content hash, so the same bytes always land in the same place. */
export function assetPath(image: Pick<ImageArtifact, 'sha256' | 'kind'>): string {
  return `images/${image.sha256.slice(0, 2)}/${image.sha256}.${image.kind === 'jpeg' ? 'jpg' : image.kind}`
}

/** Whether a path read back from a baseline file is one assetPath writes (content-addressed under images/). */
export function isAssetPath(value: unknown): value is string {
  return typeof value === 'string' && /^images\/[0-9a-f]{2}\/[0-9a-f]{64}\.(png|jpg|gif|svg)$/.test(value)
}

/** Whether a branch name read back from a baseline file is plain enough to put in a URL path. */
export function isAssetsBranchName(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    /^[A-Za-z0-9._/-]{1,200}$/.test(value) &&
    !/(^|\/)\.|\.\.|\/\/|^\/|\/$|^-/.test(value)
  )
}

/** An image as a baseline records it: its name in the run and its path on the assets branch. */
export interface RecordedImage {
  name: string
  path: string
  kind: ImageKind
}
