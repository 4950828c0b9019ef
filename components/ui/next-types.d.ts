// next-env.d.ts (which declares `*.module.css`) is gitignored and only appears after `next dev` or
// `next build`; this keeps `tsc --noEmit` working on a fresh clone. A repeated reference is harmless.
/// <reference types="next" />
