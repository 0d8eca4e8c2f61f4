# Startpunt for production: one container, a SQLite file and the data-protection keys on a volume, no demo content.
# The open data (postcodes, municipalities) lives beside the repository in ../shared; pass it as a named build context:
#   docker build --build-context shared=../shared -t startpunt .
#   docker run --rm -v startpunt-data:/data -e Installation__PublicBaseUrl=https://startpunt.regio.nl startpunt migrate
#   docker run --rm -v startpunt-data:/data -e Installation__PublicBaseUrl=https://startpunt.regio.nl startpunt create-admin you@regio.nl
#   docker run -d -p 8080:8080 -v startpunt-data:/data -e Installation__PublicBaseUrl=https://startpunt.regio.nl startpunt
# (create-admin prints a one-time link to choose the administrator's password; see README "First administrator".)
# (No Docker engine runs on the development machines here; this file is reviewed, not built, in CI.)

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props Startpunt.sln ./
COPY src/Startpunt.Web/Startpunt.Web.csproj src/Startpunt.Web/
RUN dotnet restore src/Startpunt.Web/Startpunt.Web.csproj
COPY src/Startpunt.Web/package.json src/Startpunt.Web/package-lock.json src/Startpunt.Web/copy-assets.mjs src/Startpunt.Web/
RUN cd src/Startpunt.Web && npm ci --no-audit --no-fund
COPY src/ src/
RUN dotnet publish src/Startpunt.Web/Startpunt.Web.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
COPY content/ /app/content/
COPY --from=shared data/ /app/open-data/
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    ConnectionStrings__Startpunt="Data Source=/data/startpunt.db" \
    Paths__ContentDirectory=/app/content \
    Paths__OpenDataDirectory=/app/open-data \
    DataProtection__KeysDirectory=/data/keys \
    Database__MigrateOnStart=true \
    Database__SeedDemo=false
RUN mkdir -p /data && chown "$APP_UID" /data
VOLUME /data
USER $APP_UID
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s CMD ["dotnet", "/app/Startpunt.Web.dll", "healthcheck"]
ENTRYPOINT ["dotnet", "/app/Startpunt.Web.dll"]
