package dev.migrate.autoconfigure.autogen.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "digital_products")
public class DigitalProduct extends Product {

    private String downloadUrl;
}
