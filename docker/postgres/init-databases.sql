-- Run once by the postgres image on an empty data volume (docker-entrypoint-initdb.d).
-- The same role and databases as the embedded PostgreSQL of local-stack: one database per service, owned by the
-- application role. NOSUPERUSER NOBYPASSRLS: row-level security on read models applies to the services.
-- 'mutualis' is a demo password for local use only.
CREATE ROLE mutualis LOGIN PASSWORD 'mutualis' NOSUPERUSER NOBYPASSRLS;
CREATE DATABASE portfolio OWNER mutualis;
CREATE DATABASE budget OWNER mutualis;
CREATE DATABASE governance OWNER mutualis;
CREATE DATABASE evaluation OWNER mutualis;
CREATE DATABASE console OWNER mutualis;
