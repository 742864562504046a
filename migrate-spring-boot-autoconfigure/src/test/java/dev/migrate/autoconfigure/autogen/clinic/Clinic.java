package dev.migrate.autoconfigure.autogen.clinic;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The clinic: people, animals and appointments. */
public final class Clinic {

    private Clinic() {
    }

    @MappedSuperclass
    static class Identified {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Integer id;
    }

    @MappedSuperclass
    static class Named extends Identified {
        @NotBlank
        @Size(max = 30)
        String name;
    }

    @MappedSuperclass
    static class Human extends Identified {
        @Column(name = "first_name")
        @NotBlank
        @Size(max = 30)
        String firstName;

        @Column(name = "last_name")
        @NotNull
        @Size(min = 1, max = 30)
        String lastName;
    }

    @Entity(name = "ClinicOwner")
    @Table(name = "owners")
    static class Owner extends Human {
        @NotBlank
        String address;

        @NotBlank
        @Size(max = 80)
        String city;

        @NotNull
        @Pattern(regexp = "\\d{10}")
        @Size(max = 10)
        String telephone;

        @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.EAGER)
        @JoinColumn(name = "owner_id")
        @OrderBy("name")
        List<Pet> pets = new ArrayList<>();
    }

    @Entity(name = "ClinicPetType")
    @Table(name = "types")
    static class PetType extends Named {
    }

    @Entity(name = "ClinicPet")
    @Table(name = "pets")
    static class Pet extends Named {
        @Column(name = "birth_date")
        @Past
        LocalDate birthDate;

        @ManyToOne
        @JoinColumn(name = "type_id")
        @NotNull
        PetType type;

        @Column(name = "weight_kg")
        @Digits(integer = 3, fraction = 2)
        BigDecimal weightKg;

        @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.EAGER)
        @JoinColumn(name = "pet_id")
        @OrderBy("date ASC")
        Set<Visit> visits = new HashSet<>();
    }

    @Entity(name = "ClinicVisit")
    @Table(name = "visits")
    static class Visit extends Identified {
        @Column(name = "visit_date")
        LocalDate date;

        @NotBlank
        @Size(max = 255)
        String description;

        @Min(5)
        @Max(240)
        int minutes;
    }

    @Entity(name = "ClinicSpecialty")
    @Table(name = "specialties")
    static class Specialty extends Named {
    }

    @Entity(name = "ClinicVet")
    @Table(name = "vets")
    static class Vet extends Human {
        @ManyToMany(fetch = FetchType.EAGER)
        @JoinTable(name = "vet_specialties", joinColumns = @JoinColumn(name = "vet_id"),
                inverseJoinColumns = @JoinColumn(name = "specialty_id"))
        Set<Specialty> specialties = new HashSet<>();
    }
}
