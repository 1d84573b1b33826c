# The image of every service: Payara Micro 6 on a glibc JRE 17 (Temurin on Ubuntu; not Alpine: the ai WAR's native
# libraries need glibc, and every service runs on the same base), as a non-root user, running one WAR, named by the
# build argument SERVICE (users, orders, stock, payments, ai). From the repository's root:
#
#   mvn -q -DskipTests package
#   docker build --build-arg SERVICE=orders -t pizzeria/orders:1.0.0-SNAPSHOT .
#
# Image name and tag: pizzeria/<service>:<the root pom's version>, as kubernetes/base/kustomization.yaml and
# docker-compose.yml use them (deploy-tests checks all three agree). What the instance runs with comes from the same
# files as bin/pizzeria's instances: the service's JVM options (<service>-war/jvm.options, given to java as an
# argument file), Payara's preboot commands and its logging (war-parent/); .dockerignore lets only those in.
#
# Payara Micro is fetched through Maven, like bin/pizzeria does; keep PAYARA_VERSION the root pom's payara.version
# (deploy-tests checks it).
ARG PAYARA_VERSION=6.2025.10

FROM maven:3.9-eclipse-temurin-17 AS payara
ARG PAYARA_VERSION
RUN mvn -q -B org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
        -Dartifact=fish.payara.extras:payara-micro:${PAYARA_VERSION} -DoutputDirectory=/opt/payara -Dmdep.stripVersion=true

FROM eclipse-temurin:17-jre-jammy
ARG SERVICE
# a numeric user: Kubernetes can only verify runAsNonRoot against a numeric one
RUN test -n "$SERVICE" || { echo "--build-arg SERVICE=<users|orders|stock|payments|ai> is required" >&2; exit 1; } \
 && groupadd --system --gid 10001 pizzeria \
 && useradd --system --uid 10001 --gid 10001 --home-dir /tmp --no-create-home --shell /usr/sbin/nologin pizzeria
COPY --from=payara /opt/payara/payara-micro.jar /opt/payara/payara-micro.jar
# the preboot commands: executors that run more than one task at a time (bin/pizzeria's add a loopback binding)
COPY war-parent/payara-preboot.asadmin /opt/payara/preboot.asadmin
COPY war-parent/payara-logging.properties /opt/payara/logging.properties
COPY ${SERVICE}-war/jvm.options /opt/payara/jvm.options
COPY ${SERVICE}-war/target/${SERVICE}.war /opt/payara/${SERVICE}.war
# the WAR to deploy, for the entrypoint; the ai's tokenizer unpacks its native library under /tmp (not the read-only home)
ENV PIZZERIA_WAR=/opt/payara/${SERVICE}.war DJL_CACHE_DIR=/tmp/djl
# glibc's malloc in two arenas rather than up to 8 per core, one for each JVM thread that allocates at the same time:
# the seven instances of bin/pizzeria (which sets the same) measured 2,849 MiB at ready with the default, 2,765 MiB so
ENV MALLOC_ARENA_MAX=2

USER 10001:10001
EXPOSE 8080
# /tmp must be writable (an emptyDir on Kubernetes, where the root filesystem is read-only): Payara Micro's
# --rootdir and java.io.tmpdir are there. Hazelcast and phone-home off, as in bin/pizzeria. The shell only names
# the WAR, then exec: java is the container's process and gets its signals.
ENTRYPOINT ["/bin/sh", "-c", "exec java @/opt/payara/jvm.options -Djava.io.tmpdir=/tmp -jar /opt/payara/payara-micro.jar --nohazelcast --disablephonehome --rootdir /tmp/payara --logproperties /opt/payara/logging.properties --prebootcommandfile /opt/payara/preboot.asadmin --port 8080 --contextroot / --deploy \"$PIZZERIA_WAR\""]
