-- Run once by the postgres image on an empty data directory (docker-entrypoint-initdb.d).
-- One database per service, each owned by its own role; no service can connect to another's.
-- The passwords are for this local stack only.
CREATE ROLE ingest LOGIN PASSWORD 'ingest';
CREATE ROLE registry LOGIN PASSWORD 'registry';
CREATE ROLE settlement LOGIN PASSWORD 'settlement';
CREATE ROLE payout LOGIN PASSWORD 'payout';

CREATE DATABASE ingest OWNER ingest;
CREATE DATABASE registry OWNER registry;
CREATE DATABASE settlement OWNER settlement;
CREATE DATABASE payout OWNER payout;

REVOKE CONNECT ON DATABASE ingest FROM PUBLIC;
REVOKE CONNECT ON DATABASE registry FROM PUBLIC;
REVOKE CONNECT ON DATABASE settlement FROM PUBLIC;
REVOKE CONNECT ON DATABASE payout FROM PUBLIC;
