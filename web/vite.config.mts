// The console's build: `vite build web` (make web) writes web/dist, which the API serves at `/`.
import { defineConfig } from 'vite';

export default defineConfig({
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The graph chunk carries elkjs (1.6 MB); it loads only on the workflow and run pages.
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      onwarn(warning, warn) {
        // React Flow marks its modules "use client" (for React Server Components), which a client-only build ignores.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
});
