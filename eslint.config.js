import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Node built-ins, bare or `node:`-prefixed. */
const nodeBuiltins = [
  'node:*', 'fs', 'fs/promises', 'path', 'net', 'tls', 'os', 'crypto', 'http', 'https', 'child_process',
  'stream', 'url', 'util', 'dns', 'events', 'buffer', 'worker_threads', 'zlib',
];
const restrict = (patterns) => ['error', { patterns }];
/** HOUSE_STYLE.md: exactly one module imports each heavy library. */
const heavy = [
  { lib: 'imapflow', owner: 'src/main/services/imap/**' },
  { lib: 'nodemailer', owner: 'src/main/services/smtp/**' },
  // Issue #10 §1: MIME is parsed in the parse worker; this module is its MIME half.
  { lib: 'mailparser', owner: 'src/main/services/mail/worker/mime.mjs' },
  { lib: '@zone-eu/mailsplit', owner: 'src/main/services/mail/worker/mime.mjs' },
  { lib: 'dexie', owner: 'src/renderer/db/**' },
  { lib: 'dompurify', owner: 'src/renderer/components/sanitize.ts' },
  // One owner per process (issue #5): main reads/writes iCalendar (codec, .ics, invitations),
  // the renderer expands recurrences for the visible range; the bundles never share a module.
  { lib: 'ical.js', owner: ['src/main/services/calendar/ical/**', 'src/renderer/calendar/ical/**'] },
  // Issue #13 §3: the local full-text index (its Worker, its in-memory twin for tests).
  { lib: '@sqlite.org/sqlite-wasm', owner: 'src/renderer/search/engine/**' },
];

/** `owner`: the owner whose libraries are allowed (one module may own several). */
function heavyRule(owner) {
  const key = (o) => [o].flat().join(' ');
  return restrict(
    heavy
      .filter((entry) => owner === null || key(entry.owner) !== key(owner))
      .map(({ lib, owner }) => ({ group: [lib, `${lib}/*`], message: `Only ${[owner].flat().join(' and ')} import ${lib} (HOUSE_STYLE.md).` })),
  );
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules, 'react-hooks/set-state-in-effect': 'off' },
  },
  // Layer rules (HOUSE_STYLE.md "Folders"): lint rules, not wishes.
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['electron', ...nodeBuiltins], message: 'src/shared runs in both processes: no Node or Electron.' },
        { group: ['**/main/**', '**/renderer/**', '../main/*', '../renderer/*'], message: 'src/shared imports nothing outside itself.' },
      ]),
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['electron', ...nodeBuiltins], message: 'The renderer has no Node or Electron: go through src/renderer/api.' },
        { group: ['**/main/**'], message: 'The renderer reaches main only through the contract.' },
      ]),
    },
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/electron/**'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['electron'], message: "Only src/main/electron imports 'electron'; services must run in the browser host too." },
        { group: ['**/renderer/**'], message: 'Main never imports renderer code.' },
      ]),
    },
  },
  {
    // HOUSE_STYLE.md "Services know nothing of the transport": the handlers that bind them to the
    // contract live in src/main/rpc and get the services they need (issue #10 §12).
    files: ['src/main/services/**/*.{ts,mjs}'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['electron'], message: "Only src/main/electron imports 'electron'; services must run in the browser host too." },
        { group: ['**/renderer/**'], message: 'Main never imports renderer code.' },
        { group: ['**/rpc/**', '../rpc', '../../rpc'], message: 'Services know nothing of the transport: handlers live in src/main/rpc.' },
      ]),
    },
  },
  // A second rule name so these do not replace the layer rules above for the same files.
  {
    files: ['src/**/*.{ts,tsx,mjs}'],
    rules: { '@typescript-eslint/no-restricted-imports': heavyRule(null) },
  },
  ...heavy.map(({ owner }) => ({
    files: [owner].flat(),
    rules: { '@typescript-eslint/no-restricted-imports': heavyRule(owner) },
  })),
);
