-- id: aa0000000001
-- message: create events
-- created: 2025-03-01T09:00:00Z

-- migrate:upgrade
CREATE TABLE events (id bigint PRIMARY KEY, name varchar(100) NOT NULL);

-- migrate:downgrade
DROP TABLE events;
