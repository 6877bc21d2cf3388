-- The grants of one database of the hosted mode. Run as a superuser, connected to that database
-- (after `CREATE DATABASE spoor2 OWNER spoor2_owner;`):
--   psql -v ON_ERROR_STOP=1 -d spoor2 -f deploy/sql/02_database.sql
-- then migrate as the owner: SPOOR2_MIGRATE_URL=postgresql+psycopg://spoor2_owner@…/spoor2 python -m spoor2 db migrate
--
-- Nobody but the two roles may connect; nobody but the owner may create anything.
DO $$
BEGIN
  EXECUTE format('REVOKE ALL ON DATABASE %I FROM PUBLIC', current_database());
  EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO spoor2_owner', current_database());
  EXECUTE format('GRANT CONNECT ON DATABASE %I TO spoor2_app', current_database());
END
$$;
REVOKE ALL ON SCHEMA public FROM PUBLIC;
ALTER SCHEMA public OWNER TO spoor2_owner;
-- the app: use the schema, read and write rows (row security decides which), nothing else
GRANT USAGE ON SCHEMA public TO spoor2_app;
ALTER DEFAULT PRIVILEGES FOR ROLE spoor2_owner IN SCHEMA public
  GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO spoor2_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO spoor2_app;
-- the app only reads the schema version (the migration step takes these back too, for a new database)
DO $$
BEGIN
  IF to_regclass('public.schema_migrations') IS NOT NULL THEN
    REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON public.schema_migrations FROM spoor2_app;
  END IF;
END
$$;
