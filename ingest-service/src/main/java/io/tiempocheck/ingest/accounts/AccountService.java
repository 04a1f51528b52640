package io.tiempocheck.ingest.accounts;

import io.tiempocheck.common.security.Revocation;
import io.tiempocheck.ingest.config.IngestConfig;
import io.tiempocheck.ingest.devices.DeviceService;
import io.tiempocheck.ingest.model.Device;
import io.tiempocheck.ingest.model.User;
import io.tiempocheck.ingest.revocations.RevocationPublisher;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.ZoneId;
import java.util.List;

@ApplicationScoped
public class AccountService {

    private final Passwords passwords;
    private final AccountsConfig config;
    private final IngestConfig ingest;
    private final DeviceService devices;
    private final RevocationPublisher revocations;

    public AccountService(Passwords passwords, AccountsConfig config, IngestConfig ingest, DeviceService devices,
            RevocationPublisher revocations) {
        this.passwords = passwords;
        this.config = config;
        this.ingest = ingest;
        this.devices = devices;
        this.revocations = revocations;
    }

    public record SignUp(String login, String password, String name, ZoneId zone) {
    }

    public record Account(long id, String login, String name, String timeZone, boolean active, java.time.Instant createdAt,
            long devices) {
    }

    public record AccountPage(List<Account> accounts, int page, int size, long total) {
    }

    public ZoneId defaultZone() {
        return ingest.defaultTimeZone();
    }

    @Transactional
    public Account signUp(SignUp request) {
        if (!config.signUpOpen()) {
            throw new RefusedException(403, null, "el registro está cerrado en este servidor; pide una cuenta a quien lo administra");
        }
        if (User.count("login", request.login()) > 0) {
            throw new RefusedException(409, "usuario", "ese nombre de usuario ya existe");
        }
        User user = new User();
        user.login = request.login();
        user.passwordHash = passwords.hash(request.password());
        user.name = request.name();
        user.timeZone = request.zone().getId();
        // The unique key settles two sign-ups of one name racing past the check above: the loser gets 409 too.
        try {
            user.persistAndFlush();
        } catch (jakarta.persistence.PersistenceException e) {
            throw new RefusedException(409, "usuario", "ese nombre de usuario ya existe");
        }
        // creado_en is the database's clock (its column default): read it back for the answer.
        User.getEntityManager().refresh(user);
        return view(user);
    }

    public Account account(long userId) {
        return view(found(userId));
    }

    public record Changes(String name, ZoneId zone, String currentPassword, String newPassword) {
    }

    @Transactional
    public Account update(long userId, Changes changes) {
        User user = found(userId);
        if (changes.newPassword() != null) {
            if (user.passwordHash == null) {
                throw new RefusedException(409, "contrasena", "esta cuenta la creó el administrador y no tiene contraseña");
            }
            if (!passwords.matches(changes.currentPassword(), user.passwordHash)) {
                throw new RefusedException(403, "contrasena_actual", "la contraseña actual no es correcta");
            }
            user.passwordHash = passwords.hash(changes.newPassword());
        }
        if (changes.name() != null) {
            user.name = changes.name();
        }
        if (changes.zone() != null) {
            user.timeZone = changes.zone().getId();
        }
        return view(user);
    }

    public AccountPage list(int page, int size) {
        List<User> users = User.findAll(Sort.by("id")).page(Page.of(page - 1, size)).list();
        return new AccountPage(users.stream().map(this::view).toList(), page, size, User.count());
    }

    /** Disables (every token refused, sign-in refused) or enables the account again. */
    @Transactional
    public Account setActive(long userId, boolean active) {
        User user = found(userId);
        revocations.publish(Revocation.user(userId, active ? Revocation.State.ACTIVE : Revocation.State.REVOKED));
        user.active = active;
        return view(user);
    }

    /**
     * Erases the account everywhere: the erasure goes on the revocations topic, which every service
     * follows and answers by deleting the user's rows (ingest's own rows are deleted by this replica
     * before the answer, see IngestErasure). Not transactional: the deletes run on the observer's connection.
     */
    public void erase(long userId, String password) {
        User user = found(userId);
        if (user.passwordHash == null) {
            throw new RefusedException(409, "contrasena", "esta cuenta la creó el administrador y no tiene contraseña");
        }
        if (!passwords.matches(password, user.passwordHash)) {
            throw new RefusedException(403, "contrasena", "la contraseña no es correcta");
        }
        revocations.publish(Revocation.user(userId, Revocation.State.ERASED));
    }

    private User found(long userId) {
        User user = User.findById(userId);
        if (user == null) {
            throw new RefusedException(404, null, "no existe la cuenta " + userId);
        }
        return user;
    }

    private Account view(User user) {
        return new Account(user.id, user.login, user.name, user.timeZone, user.active, user.createdAt, devices.activeCount(user.id));
    }
}
