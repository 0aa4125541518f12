# Livefolio in one container: `docker build -t livefolio . && docker run -p 3000:3000 -v livefolio-data:/data livefolio`
# (add `-e DEMO=1` for the simulated exchange). Three stages, so the image holds no compiler and no dev dependency.

# --- deps: every dependency, with better-sqlite3's native addon compiled for this image's Node ---
FROM node:20-bookworm-slim AS deps
WORKDIR /app
# better-sqlite3 compiles from source when its prebuilt binary cannot be fetched: node-gyp needs these.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
# The base image ships Node's own headers under /usr/local/include/node: node-gyp then downloads none.
ENV npm_config_nodedir=/usr/local
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

# --- build: the Next.js production build and the bundled server, then production dependencies only ---
FROM deps AS build
ENV NEXT_TELEMETRY_DISABLED=1
COPY . .
# .next/cache is the build's own cache (tens of MB), not read at run time. `npm prune` keeps the addon compiled
# above; of better-sqlite3's C sources and objects (~25 MB) only the addon itself is kept.
RUN npm run build \
  && rm -rf .next/cache \
  && mkdir -p public \
  && npm prune --omit=dev --no-audit --no-fund \
  && mv node_modules/better-sqlite3/build/Release/better_sqlite3.node /tmp/ \
  && rm -rf node_modules/better-sqlite3/build node_modules/better-sqlite3/deps node_modules/better-sqlite3/src \
  && mkdir -p node_modules/better-sqlite3/build/Release \
  && mv /tmp/better_sqlite3.node node_modules/better-sqlite3/build/Release/

# --- runtime: what `node dist/server.mjs` reads, owned by root and read-only to the server ---
FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production \
  NEXT_TELEMETRY_DISABLED=1 \
  PORT=3000 \
  HOSTNAME=0.0.0.0 \
  DATA_DIR=/data
COPY --from=build /app/package.json /app/next.config.ts ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/public ./public
COPY --from=build /app/.next ./.next
# The server writes only its database and Next's cache (optimised images, in .next/cache/images). The cache goes
# to /tmp, so a read-only root filesystem needs one writable /tmp, nothing more (a tmpfs on .next/cache itself
# would be root's and not writable by node under podman, whatever its mode= says).
RUN mkdir -p /data && chown node:node /data && ln -s /tmp .next/cache
USER node
VOLUME /data
EXPOSE 3000
# Node itself, as slim images have no curl; PORT is read when the check runs, so `-e PORT=…` is followed.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.PORT + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Exec form: node is PID 1 and gets SIGTERM from `docker stop`; the server closes cleanly on it.
CMD ["node", "dist/server.mjs"]
