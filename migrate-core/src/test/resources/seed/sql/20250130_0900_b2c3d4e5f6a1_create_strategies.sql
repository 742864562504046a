-- id: b2c3d4e5f6a1
-- parents: a1b2c3d4e5f6
-- message: create strategies table

-- migrate:upgrade
CREATE TABLE strategies (
    id uuid PRIMARY KEY,
    user_id uuid NOT NULL,
    name varchar(255) NOT NULL,
    definition jsonb NOT NULL,
    status varchar(20) DEFAULT 'DRAFT',
    CONSTRAINT fk_strategies_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX idx_strategies_user_id ON strategies (user_id);

-- migrate:downgrade
DROP INDEX idx_strategies_user_id;
DROP TABLE strategies;
