package dev.migrate.demo.strategy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import dev.migrate.demo.user.User;
import dev.migrate.demo.user.UserRepository;

/** Strategies belong to users; their definition is JSON. */
@RestController
@RequestMapping("/strategies")
public class StrategyController {

    private final StrategyRepository strategies;

    private final UserRepository users;

    public StrategyController(StrategyRepository strategies, UserRepository users) {
        this.strategies = strategies;
        this.users = users;
    }

    public record NewStrategy(UUID userId, String name, Map<String, Object> definition) {
    }

    public record StrategyView(UUID id, UUID userId, String name, Map<String, Object> definition, String status) {

        static StrategyView of(Strategy strategy) {
            return new StrategyView(strategy.getId(), strategy.getOwner().getId(), strategy.getName(),
                    strategy.getDefinition(), strategy.getStatus());
        }
    }

    @GetMapping
    public List<StrategyView> list(@RequestParam UUID userId) {
        return strategies.findByOwnerId(userId).stream().map(StrategyView::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public StrategyView create(@RequestBody NewStrategy request) {
        User owner = users.findById(request.userId())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "no user " + request.userId()));
        Map<String, Object> definition = request.definition() == null ? Map.of() : request.definition();
        return StrategyView.of(strategies.save(new Strategy(owner, request.name(), definition)));
    }
}
