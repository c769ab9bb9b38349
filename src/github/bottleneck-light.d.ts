// bottleneck/light.js (the build @octokit/plugin-throttling uses) ships no typings of its own; it is the same
// class as the package's main entry, whose typings are reused here.
declare module 'bottleneck/light.js' {
  import Bottleneck from 'bottleneck'
  export default Bottleneck
}
