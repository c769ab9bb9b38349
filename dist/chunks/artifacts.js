/** File name endings of each image kind. */
const IMAGE_EXTENSIONS = {
    '.png': 'png',
    '.jpg': 'jpeg',
    '.jpeg': 'jpeg',
    '.gif': 'gif',
    '.svg': 'svg'
};
/** Without an `artifacts` section: every image found, the first 4 by name, at most 1 MB each. */
const DEFAULT_ARTIFACT_RULES = { images: [], maxCount: 4, maxBytes: 1024 * 1024 };
/** The assets branch images are committed to, unless configured. */
const DEFAULT_ASSETS_BRANCH = 'experiment-review/assets';
/** The path of an image on the assets branch: its content hash, so the same bytes always land in the same place. */
function assetPath(image) {
    return `images/${image.sha256.slice(0, 2)}/${image.sha256}.${image.kind === 'jpeg' ? 'jpg' : image.kind}`;
}
/** Whether a path read back from a baseline file is one assetPath writes (content-addressed under images/). */
function isAssetPath(value) {
    return typeof value === 'string' && /^images\/[0-9a-f]{2}\/[0-9a-f]{64}\.(png|jpg|gif|svg)$/.test(value);
}
/** Whether a branch name read back from a baseline file is plain enough to put in a URL path. */
function isAssetsBranchName(value) {
    return (typeof value === 'string' &&
        /^[A-Za-z0-9._/-]{1,200}$/.test(value) &&
        !/(^|\/)\.|\.\.|\/\/|^\/|\/$|^-/.test(value));
}

export { DEFAULT_ASSETS_BRANCH as D, IMAGE_EXTENSIONS as I, DEFAULT_ARTIFACT_RULES as a, isAssetPath as b, assetPath as c, isAssetsBranchName as i };
