# Livefolio in one container: `docker build -t livefolio . && docker run -p 3000:3000 -v livefolio-data:/data livefolio`
# (add `-e DEMO=1` for the simulated exchange). The image holds no compiler, no dev dependency and no package
# manager: only Node and the files the server reads.
#
# NODE_IMAGE picks the Node base image: an LTS line of the official image (Node 22 or 24), Debian bookworm.
ARG NODE_IMAGE=node:22-bookworm-slim

# --- deps: every dependency, with better-sqlite3's native addon compiled for this image's Node ---
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
# better-sqlite3 compiles from source when its prebuilt binary cannot be fetched: node-gyp needs these.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
# The base image ships Node's own headers under /usr/local/include/node: node-gyp then downloads none.
ENV npm_config_nodedir=/usr/local
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

# --- build: the Next.js build and the bundled server as a standalone output (next.config.ts,
# scripts/build-server.mjs): in .next/standalone, only the files of node_modules that the server reads ---
FROM deps AS build
ENV NEXT_TELEMETRY_DISABLED=1 \
  NEXT_STANDALONE=1
COPY . .
RUN npm run build && mkdir -p public

# --- system: the base image without what the server never runs (npm, yarn, headers, apt's package lists) ---
FROM ${NODE_IMAGE} AS system
# Headers lent to the build as a read-only volume (`--volume …:/usr/local/include/node:ro`) are in no layer.
RUN rm -rf /usr/local/lib/node_modules /opt/yarn-* \
    /usr/local/bin/npm /usr/local/bin/npx /usr/local/bin/corepack /usr/local/bin/yarn /usr/local/bin/yarnpkg \
    /var/lib/apt/lists/* /var/cache/apt/archives/*.deb /var/cache/apt/*.bin \
    /usr/share/doc /usr/share/man /usr/share/locale \
  && { rm -rf /usr/local/include/node 2>/dev/null || mountpoint -q /usr/local/include/node; }

# --- runtime: that system as one layer (files deleted above would stay in the base's layers otherwise), the
# standalone output on top, owned by root and read-only to the server ---
FROM scratch AS runtime
COPY --from=system / /
WORKDIR /app
ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
  NODE_ENV=production \
  NEXT_TELEMETRY_DISABLED=1 \
  PORT=3000 \
  HOSTNAME=0.0.0.0 \
  DATA_DIR=/data
COPY --from=build /app/.next/standalone ./
COPY --from=build /app/.next/static ./.next/static
COPY --from=build /app/public ./public
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
# Exec form: node is PID 1 and gets SIGTERM from `docker stop`; the server closes cleanly on it. server.mjs starts
# dist/server.mjs with the configuration Next was built with.
CMD ["node", "server.mjs"]
