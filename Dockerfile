# memq container image: one image for every role (gateway, workers, scheduler,
# embedded `serve`); the role is the command. See docs/deploy.md.
#
#   docker build -t memq .
#   docker run --rm -p 8080:8080 memq                 # embedded: serve + SQLite
#   docker run --rm memq worker --queues ingest       # one role, with MEMQ_* URLs set

ARG PYTHON_IMAGE=python:3.13-slim

# --- build: a virtualenv holding memq and its runtime dependencies only ------
FROM ${PYTHON_IMAGE} AS build

ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_ROOT_USER_ACTION=ignore
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
WORKDIR /src

# Dependencies first, read from pyproject.toml ([project].dependencies only, no
# test extras), so this layer is reused while only the source changes.
COPY pyproject.toml ./
RUN python -c "import tomllib; deps = tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']; print('\n'.join(deps))" > /tmp/requirements.txt \
 && pip install -r /tmp/requirements.txt

COPY . .
RUN pip install --no-deps . \
 && pip check \
 && memq --help > /dev/null

# --- runtime -----------------------------------------------------------------
FROM ${PYTHON_IMAGE}

RUN groupadd --system --gid 10001 memq \
 && useradd --system --uid 10001 --gid memq --home-dir /home/memq --create-home \
        --shell /usr/sbin/nologin memq \
 && install -d -o memq -g memq -m 0750 /data

COPY --from=build /opt/venv /opt/venv

# No secrets here: MEMQ_AMQP_URL, MEMQ_MONGODB_URL, MEMQ_API_KEYS and
# ANTHROPIC_API_KEY come from the environment at run time.
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    MEMQ_HOST=0.0.0.0 \
    MEMQ_PORT=8080 \
    MEMQ_DATA_DIR=/data

USER 10001:10001
WORKDIR /home/memq
EXPOSE 8080

ENTRYPOINT ["memq"]
CMD ["serve"]
