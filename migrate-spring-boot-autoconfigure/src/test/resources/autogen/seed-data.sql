-- Seed data an application loads when Hibernate creates its schema.
INSERT INTO no_such_table VALUES (1);
