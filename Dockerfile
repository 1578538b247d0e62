# Glimpse: the production image (see docs/production.md).
#   docker build -t glimpse .
#   docker run -p 8080:8080 -e GLIMPSE_SECURITY_JWT_SECRET=... glimpse
# docker-compose.yml builds this same file and adds PostgreSQL, Axon Server and the rest.

############################################################################
# Stage 0: build the web site (web/, README "Web frontend") with Node; the jar serves it.
############################################################################
FROM node:20-bookworm-slim AS web
WORKDIR /web
COPY web/package.json web/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY web/ ./
RUN npm run build

############################################################################
# Stage 1: build the jar with Maven on a JDK 17.
############################################################################
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build

# The POMs alone first: the layer below (the downloaded dependencies) is then reused until a POM
# changes, not on every source change. A new module needs its pom.xml and src/ added here.
COPY pom.xml ./
COPY shared-events/pom.xml shared-events/
COPY command-side/pom.xml command-side/
COPY query-side/pom.xml query-side/
COPY processing/pom.xml processing/
COPY adapters/pom.xml adapters/
COPY api/pom.xml api/

# Warm the local repository. The project's own modules (groupId io.glimpse) are excluded: they are
# not built yet, so go-offline cannot resolve them. This step only fills a cache: should it miss
# something, the package step below downloads the rest, so it is not allowed to fail the build.
RUN mvn -B -q dependency:go-offline -DexcludeGroupIds=io.glimpse \
    || echo "dependency:go-offline incomplete; the package step fetches what is missing"

COPY shared-events/src shared-events/src
COPY command-side/src command-side/src
COPY query-side/src query-side/src
COPY processing/src processing/src
COPY adapters/src adapters/src
COPY api/src api/src

# Tests run in CI, not in the image build. The site comes built from the web stage (-Dskip.npm:
# the Maven image has no Node; the build copies web/dist into the jar).
COPY --from=web /web/dist web/dist
RUN mvn -B -DskipTests -Dskip.npm package

############################################################################
# Stage 2: the runtime, a JRE only.
############################################################################
FROM eclipse-temurin:17-jre

# HEALTHCHECK below needs curl. The eclipse-temurin Ubuntu images ship curl and wget today
# (adoptium/containers installs them "for historical reasons"), but that is not a promise, so
# install it only if a future base image drops it. Compose and orchestrators can then probe the
# same endpoint the image does.
RUN set -eux; \
    if ! command -v curl >/dev/null 2>&1; then \
        apt-get update; \
        DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends curl; \
        rm -rf /var/lib/apt/lists/*; \
    fi

# A fixed, non-root user. Ubuntu 24.04 already has "ubuntu" as uid 1000, hence 10001.
# /data is created and owned by it before VOLUME, so a new named volume inherits that ownership.
RUN set -eux; \
    groupadd --gid 10001 glimpse; \
    useradd --uid 10001 --gid glimpse --no-create-home --home-dir /app --shell /usr/sbin/nologin glimpse; \
    mkdir -p /app /data; \
    chown glimpse:glimpse /data

WORKDIR /app
COPY --from=build --chown=root:root /build/api/target/glimpse.jar /app/glimpse.jar

# glimpse.data-dir: the H2 database and generated signing key of the embedded default, and media.
ENV GLIMPSE_DATA_DIR=/data
VOLUME /data

USER glimpse:glimpse
EXPOSE 8080

# Readiness, not liveness: the container reports healthy once the application accepts traffic.
# start-period covers Flyway migrations and the Axon processors starting up.
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=5 \
    CMD curl -fsS -o /dev/null http://localhost:8080/actuator/health/readiness || exit 1

# JVM flags beyond these: JAVA_TOOL_OPTIONS. Spring settings: environment variables (SPRING_*,
# GLIMPSE_*) or arguments appended to `docker run glimpse ...`, e.g. --spring.profiles.active=postgres.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75.0", "-jar", "/app/glimpse.jar"]
