import type { Plugin } from 'vite';

/**
 * Remote URLs that libraries carry as strings we never use. Store reviewers flag a remote-code
 * loader even when it is dead code, so the build drops them; `npm run release:check` then fails
 * on any URL outside its allow-list.
 */
const UNUSED_URLS: RegExp[] = [
  // zxing-wasm's default `locateFile` (a CDN). We always pass our own, pointing at the .wasm
  // shipped in the extension; what is left is a relative path that is never fetched.
  /https:\/\/fastly\.jsdelivr\.net\/npm\/zxing-wasm@[^/`'"]+\/dist\//g,
  // Dexie's error messages point to its documentation through URL shorteners.
  / Please visit https:\/\/tinyurl\.com\/[A-Za-z0-9]+/g,
  / See http:\/\/bit\.ly\/[A-Za-z0-9]+/g,
];

/** A Vite plugin that removes {@link UNUSED_URLS} from every built chunk. */
export function stripRemoteUrls(): Plugin {
  return {
    name: 'pca-strip-remote-urls',
    enforce: 'post',
    renderChunk(code) {
      const out = UNUSED_URLS.reduce((text, pattern) => text.replace(pattern, ''), code);
      return out === code ? null : { code: out, map: null };
    },
  };
}
