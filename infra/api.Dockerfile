# The Gevinst API (serves the web UI too). Built from the repository root: see compose.yaml.
FROM node:20-bookworm
WORKDIR /app
RUN corepack enable && corepack prepare pnpm@10 --activate
COPY . .
# better-sqlite3 builds from source where no prebuilt binary fits (the image has python3, make and g++)
RUN pnpm install --frozen-lockfile
ENV NODE_ENV=production
EXPOSE 3000
CMD ["pnpm", "start"]
