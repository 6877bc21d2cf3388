-- The two database roles of the hosted mode. Run ONCE per PostgreSQL cluster, as a superuser:
--   psql -v ON_ERROR_STOP=1 -f deploy/sql/01_roles.sql
-- then give both a password (or use peer/cert authentication in pg_hba.conf):
--   ALTER ROLE spoor2_owner PASSWORD '…';  ALTER ROLE spoor2_app PASSWORD '…';
--
-- spoor2_owner owns the schema and every table and runs the migrations
-- (`python -m spoor2 db migrate`, SPOOR2_MIGRATE_URL) and the organisation's account tasks
-- (`python -m spoor2 admin delete-owner`). It may bypass row security (BYPASSRLS): a data
-- migration must see every person's rows. It is never given to the app.
--
-- spoor2_app is the role the app connects as (SPOOR2_DATABASE_URL): no superuser, no BYPASSRLS,
-- owns nothing, may only SELECT/INSERT/UPDATE/DELETE. Row-level security (FORCED, one policy per
-- table on app.owner_id) decides which rows it sees. The app refuses to start when this is not so
-- (`python -m spoor2 db check`).
CREATE ROLE spoor2_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION BYPASSRLS;
CREATE ROLE spoor2_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS NOINHERIT;
