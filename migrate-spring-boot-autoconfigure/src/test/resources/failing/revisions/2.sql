-- id: fa11ed000002
-- parents: fa11ed000001
-- message: breaks
-- migrate:upgrade
INSERT INTO nowhere VALUES (1);
