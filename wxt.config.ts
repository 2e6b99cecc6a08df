import { defineConfig } from 'wxt';

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
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
    ],
    content_security_policy: {
      // hash-wasm (Argon2id) compiles WebAssembly in the service worker.
      extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'",
    },
    action: { default_title: '__MSG_extName__' },
  },
});
