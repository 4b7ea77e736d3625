# Source me (". .ci/postgres.sh"): installs Debian's PostgreSQL, starts it, creates the
# test database and exports WARCLAIMS_TEST_PG for the store test suite.
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql
fi
PG_VERSION="$(ls /usr/lib/postgresql | sort -n | tail -1)"
if ! pg_lsclusters -h | grep -q "^${PG_VERSION} main"; then
    pg_createcluster "${PG_VERSION}" main
fi
pg_ctlcluster "${PG_VERSION}" main start || true
for _ in $(seq 1 30); do
    pg_isready -q -h localhost && break
    sleep 1
done
su postgres -c "psql -qc \"ALTER USER postgres PASSWORD 'postgres'\""
su postgres -c "psql -tAc \"SELECT 1 FROM pg_database WHERE datname='warclaims_test'\"" \
    | grep -q 1 || su postgres -c "createdb warclaims_test"
export WARCLAIMS_TEST_PG="postgresql+psycopg://postgres:postgres@localhost/warclaims_test"
