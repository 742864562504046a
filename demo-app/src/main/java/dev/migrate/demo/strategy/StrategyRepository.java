package dev.migrate.demo.strategy;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface StrategyRepository extends JpaRepository<Strategy, UUID> {

    List<Strategy> findByOwnerId(UUID ownerId);
}
