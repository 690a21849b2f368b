# The reference API server for production: `docker build -t iop-widgets-server .`
# Runs `server/serve.ts` (npm run serve): it needs DATABASE_URL and IOP_DATA_KEY / IOP_DATA_KEYS,
# migrates under an advisory lock, never seeds, and drains on SIGTERM (see README, Production).

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund
COPY . .
# The CDN bundle the server hands to center sites and to the isolation frame.
RUN npm run build

FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=8787
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY tsconfig.json ./
COPY server ./server
COPY src ./src
USER node
EXPOSE 8787
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=10s --timeout=3s --retries=3 CMD ["node", "-e", "fetch('http://127.0.0.1:8787/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node itself is PID 1's child of nothing: it receives SIGTERM directly (npm would not forward it reliably).
CMD ["node", "--import", "tsx", "server/serve.ts"]
