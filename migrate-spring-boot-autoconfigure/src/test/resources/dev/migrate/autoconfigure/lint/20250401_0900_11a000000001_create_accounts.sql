-- id: 11a000000001
-- message: create accounts
-- created: 2025-04-01T09:00:00Z

-- migrate:upgrade
CREATE TABLE accounts (id bigint PRIMARY KEY, email text);

-- migrate:downgrade
DROP TABLE accounts;
