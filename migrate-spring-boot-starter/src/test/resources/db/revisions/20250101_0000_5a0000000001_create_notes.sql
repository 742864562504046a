-- id: 5a0000000001
-- message: create notes
-- created: 2025-01-01T00:00:00Z

-- migrate:upgrade
CREATE TABLE notes (id bigint PRIMARY KEY, body varchar(200) NOT NULL);

-- migrate:downgrade
DROP TABLE notes;
