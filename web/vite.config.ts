import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development (`npm run dev`) and `vite preview`, /api goes to the API process; in production the
// API itself serves web/dist at `/`, so the console and the API share one origin (no CORS).
const api = process.env.SKP_API_URL ?? 'http://127.0.0.1:3000';
const proxy = { '/api': { target: api, changeOrigin: false } };

export default defineConfig({
  plugins: [react()],
  server: { proxy },
  preview: { proxy },
  // The API replaces the placeholder with a fresh nonce per response (Content-Security-Policy style-src).
  html: { cspNonce: '__CSP_NONCE__' },
  build: { outDir: 'dist', sourcemap: false, chunkSizeWarningLimit: 1500 },
});
