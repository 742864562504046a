-- id: nnnn00000001
-- parents: aaaa00000001
-- branch-labels: network
-- message: hosts

-- migrate:upgrade
CREATE TABLE hosts (id bigint PRIMARY KEY);

-- migrate:downgrade
DROP TABLE hosts;
