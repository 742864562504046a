package dev.migrate.autoconfigure.autogen.corpus;

import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.InheritanceType;

/** The three inheritance strategies. */
final class Inheritance {

    private Inheritance() {
    }

    @Entity(name = "Vehicle")
    @jakarta.persistence.Inheritance(strategy = InheritanceType.JOINED)
    static class Vehicle {
        @Id
        @GeneratedValue
        Long id;

        String maker;
    }

    @Entity(name = "Car")
    static class Car extends Vehicle {
        int seats;
    }

    @Entity(name = "Truck")
    static class Truck extends Vehicle {
        double payload;
    }

    @Entity(name = "Animal")
    @jakarta.persistence.Inheritance(strategy = InheritanceType.SINGLE_TABLE)
    @DiscriminatorColumn(name = "kind", length = 10)
    static class Animal {
        @Id
        @GeneratedValue
        Long id;

        String name;
    }

    @Entity(name = "Dog")
    @DiscriminatorValue("DOG")
    static class Dog extends Animal {
        boolean trained;
    }

    @Entity(name = "Cat")
    @DiscriminatorValue("CAT")
    static class Cat extends Animal {
        int lives;
    }

    @Entity(name = "Shape")
    @jakarta.persistence.Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
    abstract static class Shape {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE)
        Long id;

        String colour;
    }

    @Entity(name = "Circle")
    static class Circle extends Shape {
        double radius;
    }

    @Entity(name = "Square")
    static class Square extends Shape {
        double side;
    }
}
