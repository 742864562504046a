-- id: c3d4e5f6a1b2
-- parents: b2c3d4e5f6a1
-- message: create credits with a non-negative balance

-- migrate:upgrade
CREATE TABLE credits (
    id uuid PRIMARY KEY,
    user_id uuid NOT NULL,
    balance numeric(12, 2) DEFAULT 0 NOT NULL,
    CONSTRAINT fk_credits_user_id FOREIGN KEY (user_id) REFERENCES users (id)
);
ALTER TABLE credits ADD CONSTRAINT credits_balance_check CHECK (balance >= 0);
INSERT INTO users (id, email, hashed_password) VALUES ('00000000-0000-0000-0000-000000000001', 'system@example.com', '!');
INSERT INTO credits (id, user_id, balance) VALUES ('00000000-0000-0000-0000-0000000000c1', '00000000-0000-0000-0000-000000000001', 100.00);

-- migrate:downgrade
ALTER TABLE credits DROP CONSTRAINT credits_balance_check;
DROP TABLE credits;
DELETE FROM users WHERE id = '00000000-0000-0000-0000-000000000001';
