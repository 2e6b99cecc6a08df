import { createRequire } from 'node:module';
import { defineConfig } from 'wxt';
import { stripRemoteUrls } from './scripts/strip-remote-urls';

/** `node_modules/zxing-wasm/dist/reader/zxing_reader.wasm`, wherever npm put the package. */
const zxingWasm = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm');

/**
 * The pages keep React's component code but run on Preact (preact/compat): ~4 KB of runtime
 * instead of React 19 + react-dom's ~60 KB gzip, so the popup parses and paints sooner
 * (issue 13; `npm run bench` compares the two). Exact-match aliases only: `react-dom/client`
 * and the JSX runtimes have their own compat entries.
 */
const PREACT_ALIASES = [
  { find: /^react$/, replacement: 'preact/compat' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/compat/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/compat/jsx-dev-runtime' },
];

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  vite: () => ({
    // PCA_UI=react builds with React itself, for the bench's comparison.
    resolve: { alias: process.env.PCA_UI === 'react' ? [] : PREACT_ALIASES },
    // No remote URL in the bundles, not even an unused one (store review; see release:check).
    plugins: [stripRemoteUrls()],
  }),
  // Explicit imports: every use of `browser` is visible in the file that makes it.
  imports: false,
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'ja',
    permissions: [
      // The encrypted vault's unlocked key lives in storage.session; settings in storage.local.
      'storage',
      // Auto-lock: a periodic check of the last activity (chrome.idle never fires headless).
      'alarms',
      // Auto-lock as soon as the screen locks or the user is idle for the set minutes.
      'idle',
      // 「画面のQRコードを読み取る」: capture the tab the user invoked us on (popup or shortcut).
      'activeTab',
      // …and, when the capture holds no single QR code, draw the selection box on that page;
      // also runs the content script on the other sites the user allowed.
      'scripting',
      // 「ワンタイムパスワードを入力」 on an editable field's context menu.
      'contextMenus',
      // Clearing a copied code: the worker has no clipboard, an offscreen document empties it.
      'offscreen',
      // …by writing '' to the clipboard from that document (execCommand('copy')).
      'clipboardWrite',
    ],
    optional_permissions: [
      // Asked from the settings only: before clearing, check that the clipboard still holds our
      // code, so nothing the user copied since is lost. Without it nothing is ever cleared.
      'clipboardRead',
    ],
    optional_host_permissions: [
      // Asked for one site at a time, only when the user clicks 「このサイトで有効にする」.
      'https://*/*',
    ],
    host_permissions: [
      // KOSMO Web itself: scan its setup page and (later) read its clock, without extra prompts.
      'https://*.kosmo-web.jp/*',
    ],
    commands: {
      'scan-screen': {
        // Alt+Shift+Q is free in Chrome and Edge; users can change it at chrome://extensions/shortcuts.
        suggested_key: { default: 'Alt+Shift+Q' },
        description: '__MSG_command_scan__',
      },
      'fill-code': {
        // Alt+Shift+O ("OTP") is free in Chrome and Edge.
        suggested_key: { default: 'Alt+Shift+O' },
        description: '__MSG_command_fill__',
      },
    },
    content_security_policy: {
      // hash-wasm (Argon2id) and zxing-wasm (QR codes) compile WebAssembly in the service worker.
      extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'",
    },
    action: { default_title: '__MSG_extName__' },
  },
  hooks: {
    // zxing-wasm would fetch its .wasm from a CDN: ship it and load it with runtime.getURL.
    'build:publicAssets': (_, assets) => {
      assets.push({ absoluteSrc: zxingWasm, relativeDest: 'zxing_reader.wasm' });
    },
    'prepare:publicPaths': (_, paths) => {
      paths.push('zxing_reader.wasm');
    },
  },
});
