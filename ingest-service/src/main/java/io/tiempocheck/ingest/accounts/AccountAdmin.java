package io.tiempocheck.ingest.accounts;

import io.tiempocheck.common.rest.InvalidInputException;
import io.tiempocheck.common.rest.QueryParams;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

/** The operator's view of the accounts: a paged list, and disabling or enabling one. */
@ApplicationScoped
public class AccountAdmin {

    static final int MAX_PAGE_SIZE = 200;
    private static final int DEFAULT_PAGE_SIZE = 50;

    private final AccountService accounts;

    public AccountAdmin(AccountService accounts) {
        this.accounts = accounts;
    }

    public record AdminView(long usuario_id, String usuario, String nombre, String tz, boolean activo, Instant creado_en,
            long dispositivos) {

        static AdminView of(AccountService.Account account) {
            return new AdminView(account.id(), account.login(), account.name(), account.timeZone(), account.active(),
                    account.createdAt(), account.devices());
        }
    }

    public record Listing(List<AdminView> usuarios, int pagina, int tamano, long total) {
    }

    public record AdminChanges(Boolean activo) {
    }

    public Listing list(String page, String size) {
        int pageNumber = QueryParams.count("pagina", page, 1, Integer.MAX_VALUE);
        int pageSize = QueryParams.count("tamano", size, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
        var result = accounts.list(pageNumber, pageSize);
        return new Listing(result.accounts().stream().map(AdminView::of).toList(), result.page(), result.size(), result.total());
    }

    public AdminView update(long userId, AdminChanges changes) {
        if (changes == null || changes.activo() == null) {
            throw new InvalidInputException("activo", "falta: true o false");
        }
        return AdminView.of(accounts.setActive(userId, changes.activo()));
    }
}
