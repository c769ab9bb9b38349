// Who may run slash commands: a user's role on the repository, compared with the configured minimum.
import { explainGitHubError, isGitHubRequestError } from './client.js'
import type { RepositoryRef } from './pr.js'

/** A repository role, weakest first. */
export const REPOSITORY_ROLES = ['read', 'triage', 'write', 'maintain', 'admin'] as const

/** A repository role as GitHub names it. */
export type RepositoryRole = (typeof REPOSITORY_ROLES)[number]

/** A user's role on a repository, or 'none'. */
export type RepositoryPermission = RepositoryRole | 'none'

/**
 * The user's role on the repository. GitHub's `permission` field folds maintain into write and triage into
 * read; `role_name` keeps them apart and is used when present. 'none' for users without access.
 */
export async function getRepositoryPermission(
  options: RepositoryRef & { user: string }
): Promise<RepositoryPermission> {
  const { client, owner, repo, user } = options
  try {
    const { data } = await client.rest.repos.getCollaboratorPermissionLevel({ owner, repo, username: user })
    const roleName = (data as { role_name?: string }).role_name
    const candidate = (
      roleName && (REPOSITORY_ROLES as readonly string[]).includes(roleName) ? roleName : data.permission
    ) as string
    return (REPOSITORY_ROLES as readonly string[]).includes(candidate)
      ? (candidate as RepositoryRole)
      : 'none'
  } catch (error) {
    // GitHub answers 404 for logins that are not users (and for bots): they have no role.
    if (isGitHubRequestError(error) && error.status === 404) return 'none'
    throw explainGitHubError(error, `reading ${user}'s permission on ${owner}/${repo}`, 'metadata: read')
  }
}

/** Whether `actual` is at least `required` (read < triage < write < maintain < admin; 'none' has nothing). */
export function hasPermission(actual: RepositoryPermission, required: RepositoryRole): boolean {
  if (actual === 'none') return false
  return REPOSITORY_ROLES.indexOf(actual) >= REPOSITORY_ROLES.indexOf(required)
}
