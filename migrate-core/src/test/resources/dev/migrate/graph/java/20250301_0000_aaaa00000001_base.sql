-- id: aaaa00000001
-- message: accounts
-- branch-labels: core

-- migrate:upgrade
CREATE TABLE accounts (id bigint PRIMARY KEY);

-- migrate:downgrade
DROP TABLE accounts;
