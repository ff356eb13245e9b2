-- Run once by the postgres image on first start (docker-compose.yml): the role the app connects
-- as. It owns nothing; the migrate step grants it its privileges (docs/deployment.md).
CREATE ROLE flexwork_app LOGIN PASSWORD 'flexwork_app';
