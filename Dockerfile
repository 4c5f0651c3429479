# syntax=docker/dockerfile:1
# One image recipe for the seven applications, built from the repository root (see docker-compose.yml):
#   docker build --build-arg MODULE=portfolio-service --build-arg PORT=8081 -t mutualis/portfolio-service .
# Stage 1 builds the module and the modules it depends on (-am) with the Maven wrapper. Only the poms and the sources
# are copied, never a host's target/ directories, so the image is the same from a clean clone (the Maven repository is
# a build cache mount). Stage 2 is a JRE with the module's executable jar (classifier exec) extracted, Spring Boot's
# recipe (-Djarmode=tools extract --layers): the libraries, which change seldom, in image layers of their own before
# the application's classes, and a start that finds its classes in plain jars instead of the executable jar's nested
# ones (budget-service ready after about a third less CPU, docs/benchmarks.md "session 21"); run as a non-root user.
ARG MODULE=gateway

FROM eclipse-temurin:21-jdk AS build
ARG MODULE
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
# Every module's pom: the parent lists them all, so the reactor needs them.
COPY contracts/pom.xml contracts/
COPY service-kit/pom.xml service-kit/
COPY gateway/pom.xml gateway/
COPY portfolio-service/pom.xml portfolio-service/
COPY budget-service/pom.xml budget-service/
COPY governance-service/pom.xml governance-service/
COPY evaluation-service/pom.xml evaluation-service/
COPY console/pom.xml console/
COPY reporting-job/pom.xml reporting-job/
COPY local-stack/pom.xml local-stack/
COPY e2e/pom.xml e2e/
COPY bench/pom.xml bench/
COPY deploy/pom.xml deploy/
COPY contracts/src contracts/src
COPY service-kit/src service-kit/src
COPY ${MODULE}/src ${MODULE}/src
RUN --mount=type=cache,target=/root/.m2 chmod +x mvnw \
    && ./mvnw -B -q -pl ${MODULE} -am package -DskipTests \
    && cp ${MODULE}/target/${MODULE}-*-exec.jar /src/app.jar \
    && java -Djarmode=tools -jar /src/app.jar extract --layers --destination /src/extracted

FROM eclipse-temurin:21-jre
ARG PORT=8080
RUN useradd --system --uid 10001 --no-create-home mutualis
WORKDIR /app
COPY --from=build /src/extracted/dependencies/ ./
COPY --from=build /src/extracted/spring-boot-loader/ ./
COPY --from=build /src/extracted/snapshot-dependencies/ ./
COPY --from=build /src/extracted/application/ ./
USER mutualis
EXPOSE ${PORT}
ENV SERVER_PORT=${PORT} \
    JAVA_OPTS="-XX:+UseSerialGC -Xms64m -Xmx384m -Xss512k"
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/app.jar"]
