# PlaceReady app server. Build from the repository root:  docker build -t placeready .
# Every container is identical and keeps nothing of its own: run as many as you need against one
# PostgreSQL (see deploy/docker-compose.yml and docs/deployment.md).
FROM python:3.11-slim

# WeasyPrint (PDF reports) needs Pango; DejaVu gives the reports their font.
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY pyproject.toml README.md LICENSE ./
COPY assessment ./assessment
COPY principles ./principles
COPY seeds ./seeds
# The guides and their pictures: the app's How this works page shows them.
COPY docs ./docs
COPY streamlit_app.py ./
COPY .streamlit/config.toml ./.streamlit/config.toml
# Editable, so the package finds principles/, seeds/ and docs/ beside it.
RUN pip install --no-cache-dir -e . \
    && useradd --system --home /app placeready && chown -R placeready /app
USER placeready

ENV PLACEREADY_LOAD_DEMO=false
EXPOSE 8501
HEALTHCHECK --interval=30s --timeout=5s CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health')"
# placeready-app: `streamlit run streamlit_app.py` with the pages imported and the database opened first.
CMD ["placeready-app", "--server.address=0.0.0.0", "--server.port=8501"]
