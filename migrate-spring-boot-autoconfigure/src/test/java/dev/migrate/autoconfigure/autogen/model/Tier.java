package dev.migrate.autoconfigure.autogen.model;

public enum Tier {
    BRONZE, SILVER, GOLD
}
