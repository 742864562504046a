-- id: 0a1b2c3d4e5f
-- parents: f6a1b2c3d4e5
-- message: add normalized_email
-- created: 2025-02-05T09:00:00Z

-- migrate:upgrade
ALTER TABLE users ADD COLUMN normalized_email varchar(255);

-- migrate:downgrade
ALTER TABLE users DROP COLUMN normalized_email;
