# The OCOP dashboard in a container (README.md, "Triển khai · Deployment").
#
#   docker build -t ocop-dashboard .
#   docker compose up -d            # compose.yaml: port 8501, volumes, secrets read-only, restart
#
# Build arguments:
#   BASE    the base image (default python:3.11-slim). A plain Debian image with no Python (e.g. one made
#           with debootstrap, as tests/docker does where Docker Hub cannot be reached) works too: Debian's
#           python3 (3.11 on bookworm) and python3-venv are then installed with apt-get.
#   WHEELS  a folder of wheels inside the build context (`pip download -r requirements.txt -d wheels`, then
#           --build-arg WHEELS=wheels): installs offline from it. Empty (default): from the package index.
ARG BASE=python:3.11-slim

# --------------------------------------------------------------------------- Python on the base
FROM ${BASE} AS python
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1 LANG=C.UTF-8
RUN if ! command -v python3 >/dev/null 2>&1; then \
        apt-get update \
        && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends python3 python3-venv ca-certificates \
        && rm -rf /var/lib/apt/lists/*; \
    fi \
    && python3 -c 'import sys; assert sys.version_info >= (3, 11), "the dashboard needs Python 3.11+, the base has " + sys.version'

# --------------------------------------------------------------------------- pinned requirements in /opt/venv
FROM python AS build
ARG WHEELS=
RUN python3 -m venv /opt/venv
COPY requirements.txt /tmp/requirements.txt
# With WHEELS empty this copies requirements.txt again, harmlessly; the wheels never reach the final image.
COPY ${WHEELS:-requirements.txt} /wheels/
RUN if [ -n "$WHEELS" ]; then \
        /opt/venv/bin/pip install --no-index --find-links /wheels -r /tmp/requirements.txt; \
    else \
        /opt/venv/bin/pip install -r /tmp/requirements.txt; \
    fi

# --------------------------------------------------------------------------- the app
FROM python
COPY --from=build /opt/venv /opt/venv
# A user without a login or a home of its own; the app's folder stays root's (read-only for it).
# Only /data (the volumes below) and /tmp are written.
RUN groupadd --system --gid 10001 ocop \
    && useradd --system --uid 10001 --gid ocop --no-create-home --home-dir /tmp --shell /usr/sbin/nologin ocop \
    && mkdir -p /data/snapshots /data/store \
    && chown -R ocop:ocop /data && chmod -R 0700 /data
WORKDIR /app
# What the app runs, and nothing else (tests, benchmarks and a wheelhouse stay out); owned by root.
COPY app.py requirements.txt /app/
COPY .streamlit/config.toml /app/.streamlit/config.toml
COPY analysis /app/analysis
COPY data_sources /app/data_sources
COPY pages /app/pages
RUN python3 -m compileall -q /app > /dev/null

ENV PATH=/opt/venv/bin:$PATH \
    HOME=/tmp \
    OCOP_SNAPSHOT_DIR=/data/snapshots \
    OCOP_STORE=/data/store/ocop.duckdb \
    STREAMLIT_SERVER_PORT=8501 \
    STREAMLIT_SERVER_ADDRESS=0.0.0.0 \
    STREAMLIT_SERVER_HEADLESS=true \
    STREAMLIT_BROWSER_GATHER_USAGE_STATS=false
VOLUME ["/data/snapshots", "/data/store"]
USER ocop
EXPOSE 8501
# Streamlit's own health endpoint, with the Python already here (no curl in the image).
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request as u; u.urlopen('http://127.0.0.1:%s/_stcore/health' % os.environ.get('STREAMLIT_SERVER_PORT', '8501'), timeout=4).read()"]
CMD ["streamlit", "run", "app.py", "--server.address=0.0.0.0", "--server.headless=true"]
