#!/bin/bash
# One role and one database per service (saga_<name>, owned by role <name>_service), run once by
# the postgres image on an empty data directory (/docker-entrypoint-initdb.d/). Passwords come
# from the environment: ORDER_DB_PASSWORD, INVENTORY_DB_PASSWORD, PAYMENT_DB_PASSWORD,
# NOTIFICATION_DB_PASSWORD. The same script is embedded in deploy/k8s/postgres.yaml (kept equal
# by tests/contract/deploy).
set -euo pipefail

for name in order inventory payment notification; do
  var="${name^^}_DB_PASSWORD"
  password="${!var:-}"
  if [ -z "$password" ]; then
    echo "10-service-databases: $var is not set" >&2
    exit 1
  fi
  # psql variables (:"ident", :'literal') quote names and the password safely.
  psql -v ON_ERROR_STOP=1 --username "${POSTGRES_USER:-postgres}" --dbname postgres \
    -v role="${name}_service" -v db="saga_${name}" -v password="$password" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'password';
CREATE DATABASE :"db" OWNER :"role";
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
GRANT ALL ON DATABASE :"db" TO :"role";
SQL
  echo "10-service-databases: database saga_${name}, role ${name}_service"
done
