# Greenlight as one self-contained Node.js server (next.config.ts: output: 'standalone').
#   docker build -t greenlight .
#   docker run -p 3000:3000 -e DATABASE_URL=... -e REDIS_URL=... -e NEXTAUTH_URL=... -e NEXTAUTH_SECRET=... greenlight
# See docs/operations.md for the configuration, replicas and upgrades.

FROM node:20-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM node:20-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
# Validates the articles, builds, and puts static assets, migrations and articles next to
# .next/standalone/server.js (scripts/prepare-standalone.mjs).
RUN npm run build

FROM node:20-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0 \
    GREENLIGHT_DATA_DIR=/data
# Never root: the server needs to write nothing but the embedded database (when DATABASE_URL is unset).
RUN groupadd --system --gid 1001 greenlight \
 && useradd --system --uid 1001 --gid greenlight --no-create-home greenlight \
 && mkdir -p /data && chown greenlight:greenlight /data
COPY --from=build --chown=root:root /app/.next/standalone ./
USER greenlight
EXPOSE 3000
# node:20-slim has no curl; Node's own fetch asks the same endpoint a load balancer does.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "server.js"]
