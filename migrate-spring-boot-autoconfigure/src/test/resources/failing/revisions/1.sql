-- id: fa11ed000001
-- message: works

-- migrate:upgrade
CREATE TABLE fine (id int);
