-- id: bbbb00000001
-- parents: aaaa00000001
-- branch-labels: billing
-- message: invoices

-- migrate:upgrade
CREATE TABLE invoices (id bigint PRIMARY KEY, account_id bigint REFERENCES accounts (id));

-- migrate:downgrade
DROP TABLE invoices;
