# The API only: Neo4j comes from the neo4j service in docker-compose.yml (NEO4J_URI), so the
# image needs no Java or Maven. The build runs the same npm commands as .ci/run.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev
COPY --from=build /app/dist ./dist
COPY schema ./schema
COPY seeds ./seeds
EXPOSE 4000
USER node
# main.js applies the schema and seeds an empty database, then serves the API.
CMD ["node", "dist/src/main.js"]
