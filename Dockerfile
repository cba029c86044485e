# Accounts in a container: built with Maven on a JDK, run on a JRE as an unprivileged user.
#   docker build -t accounts .
#   docker run -p 8080:8080 --stop-timeout 30 -e ACCOUNTS_DB_URL=jdbc:postgresql://db:5432/accounts ... accounts
# Settings are ACCOUNTS_* environment variables (README, Configuration). Without ACCOUNTS_DB_URL an embedded
# PostgreSQL keeps its data in the volume /var/lib/accounts: fine for one instance, never for several.

FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /src
COPY . .
# Only the service and the modules it is made of; the tests run in CI, not in an image build.
RUN --mount=type=cache,target=/root/.m2 mvn -B -ntp -DskipTests -pl bootstrap -am package

FROM eclipse-temurin:21-jre
# curl for the health check only.
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --user-group --home-dir /var/lib/accounts --create-home --shell /usr/sbin/nologin accounts
COPY --from=build /src/bootstrap/target/accounts.jar /opt/accounts/accounts.jar
COPY --from=build /src/dist/jvm.options /opt/accounts/jvm.options
USER accounts:accounts
WORKDIR /var/lib/accounts
# MALLOC_ARENA_MAX: two glibc malloc arenas instead of up to 8 per core, each keeping what was freed in it.
ENV ACCOUNTS_HTTP_ADDRESS=0.0.0.0 \
    ACCOUNTS_HTTP_PORT=8080 \
    ACCOUNTS_DATA_DIR=/var/lib/accounts/data \
    MALLOC_ARENA_MAX=2
VOLUME /var/lib/accounts
EXPOSE 8080
# Liveness: the process serves HTTP. A load balancer should use /health/ready, which also needs the database.
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
  CMD curl -fsS -o /dev/null "http://127.0.0.1:${ACCOUNTS_HTTP_PORT}/health/live" || exit 1
# The JVM options: dist/jvm.options (heap bound, pause target, native memory trimming).
# Exec form: java is PID 1 and gets the SIGTERM of `docker stop` (in-flight requests finish, up to 20 s).
ENTRYPOINT ["java", "@/opt/accounts/jvm.options", "-jar", "/opt/accounts/accounts.jar"]
