package dev.migrate.demo.user;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Reads and writes users, so the schema the revisions built is seen in use. */
@RestController
@RequestMapping("/users")
public class UserController {

    private final UserRepository users;

    public UserController(UserRepository users) {
        this.users = users;
    }

    /** A new user; the password is stored hashed. */
    public record NewUser(String email, String password, String fullName) {
    }

    public record UserView(UUID id, String email, String fullName, String normalizedEmail) {

        static UserView of(User user) {
            return new UserView(user.getId(), user.getEmail(), user.getFullName(), user.getNormalizedEmail());
        }
    }

    @GetMapping
    public List<UserView> list() {
        return users.findAll(PageRequest.of(0, 50, Sort.by("email"))).map(UserView::of).getContent();
    }

    @GetMapping("/{id}")
    public UserView get(@PathVariable UUID id) {
        return users.findById(id).map(UserView::of)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no user " + id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public UserView create(@RequestBody NewUser request) {
        if (request.email() == null || request.password() == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "email and password are required");
        }
        if (users.findByEmail(request.email()).isPresent()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "a user with that email exists");
        }
        return UserView.of(users.save(new User(request.email(), hash(request.password()), request.fullName())));
    }

    private static String hash(String password) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(password.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
