-- id: 11a000000002
-- parents: 11a000000001
-- message: require email
-- created: 2025-04-02T09:00:00Z

-- migrate:upgrade
ALTER TABLE accounts ALTER COLUMN email SET NOT NULL;

-- migrate:downgrade
ALTER TABLE accounts ALTER COLUMN email DROP NOT NULL;
