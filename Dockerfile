# syntax=docker/dockerfile:1
# Multi-stage: build with every dependency, run with production ones only, as a non-root user.

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts
COPY . .
RUN node scripts/prisma-generate.mjs && npm run build

FROM node:20-bookworm-slim AS production-dependencies
WORKDIR /app
COPY package.json package-lock.json ./
# No install scripts: the generated Prisma client comes from the build stage,
# and the embedded database is not used (DATABASE_URL is required here).
RUN npm ci --omit=dev --ignore-scripts

FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
# Also required at run time: DATABASE_URL, SECRET_KEY and PUBLIC_URL (see .env.example).
WORKDIR /app
COPY --from=production-dependencies /app/node_modules ./node_modules
COPY --from=build /app/build ./build
COPY --from=build /app/app ./app
COPY package.json prisma.config.ts ./
COPY prisma ./prisma
COPY scripts ./scripts
USER node
EXPOSE 3000
# Applies pending migrations, then serves.
CMD ["node_modules/.bin/tsx", "scripts/start-server.ts"]
