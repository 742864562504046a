-- id: xxxx00000001
-- branch-labels: audit
-- message: audit log, an independent root

-- migrate:upgrade
CREATE TABLE audit_log (id bigint PRIMARY KEY, entry text);

-- migrate:downgrade
DROP TABLE audit_log;
