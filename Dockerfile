# One image for the API, the worker and the CLI (the command picks the process); the API serves the console at /.
FROM node:20.20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY src ./src
RUN npx tsc -p tsconfig.build.json && npm prune --omit=dev

# The console (web/ has its own package.json and lockfile): built to web/dist, only the static files ship.
FROM node:20.20-bookworm-slim AS web
WORKDIR /app/web
COPY web/package.json web/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY web ./
RUN npm run build

FROM node:20.20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=web /app/web/dist ./web/dist
COPY package.json ./
# The local evidence driver's default directory (EVIDENCE_DIR=.run/evidence); mount a volume here to keep files.
RUN mkdir -p /app/.run/evidence && chown -R node:node /app/.run
USER node
EXPOSE 3000
CMD ["node", "dist/main.js"]
