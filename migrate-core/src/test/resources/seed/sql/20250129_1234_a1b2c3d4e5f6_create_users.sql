-- id: a1b2c3d4e5f6
-- message: create users table
-- created: 2025-01-29T12:34:00Z

-- migrate:upgrade
CREATE TABLE users (
    id uuid PRIMARY KEY,
    email varchar(255) NOT NULL,
    hashed_password varchar(255) NOT NULL,
    created_at timestamp with time zone DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX idx_users_email ON users (email);

-- migrate:downgrade
DROP INDEX idx_users_email;
DROP TABLE users;
