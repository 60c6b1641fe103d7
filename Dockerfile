# WarmDesk's container image: `podman build -t warmdesk .` (or docker build).
# Multi-stage: the build stage has the compilers (better-sqlite3 and sharp build natively when no
# prebuilt binary can be downloaded) and the dev dependencies; the final image has Node, the
# production dependencies and the build, runs as an unprivileged user, keeps everything it writes
# under one volume (/data: the SQLite database, uploads, the generated secret) and is configured
# only through the environment (secrets also as *_FILE, e.g. AUTH_SECRET_FILE=/run/secrets/auth).
# Debian trixie ships Node.js 20.19, which Next.js 16 needs.

FROM debian:trixie-slim AS build
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      nodejs npm ca-certificates python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
# A build behind a TLS-intercepting proxy passes its CA bundle (a build-time volume) here;
# unset, npm uses the system's.
ARG NPM_CONFIG_CAFILE
COPY package.json package-lock.json ./
COPY scripts ./scripts
COPY prisma ./prisma
COPY lib/db ./lib/db
# postinstall renders the per-engine schemas and generates the Prisma clients.
RUN npm ci --no-audit --no-fund
COPY . .
RUN node scripts/build.mjs && npm prune --omit=dev --no-audit --no-fund && rm -rf .next/cache

FROM debian:trixie-slim
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nodejs ca-certificates tini \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /data --shell /usr/sbin/nologin warmdesk \
 && mkdir -p /data && chown warmdesk:warmdesk /data
WORKDIR /app
COPY --from=build --chown=root:root /app /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    DATA_DIR=/data \
    PORT=3000 \
    REALTIME_PORT=3001 \
    REALTIME_HOST=127.0.0.1 \
    WARMDESK_SKIP_BUILD=1
USER warmdesk
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# tini forwards SIGTERM to the launcher, which drains the web app and stops the sidecar (< 10 s).
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "server/launcher.mjs"]
