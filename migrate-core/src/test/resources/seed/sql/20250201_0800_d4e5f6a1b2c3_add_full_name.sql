-- id: d4e5f6a1b2c3
-- parents: c3d4e5f6a1b2
-- message: add full_name filled from email

-- migrate:upgrade
ALTER TABLE users ADD COLUMN full_name varchar(100);
-- Seed 4.4: fill the new column from another one in the same revision.
UPDATE users SET full_name = split_part(email, '@', 1) WHERE full_name IS NULL;

-- migrate:downgrade
ALTER TABLE users DROP COLUMN full_name;
