package dev.accounts.bootstrap;

import dev.accounts.application.port.in.CreateSuperuserUseCase;
import dev.accounts.application.port.in.FieldError;
import dev.accounts.application.port.in.InvalidInputException;
import dev.accounts.application.port.in.RegisterUserCommand;
import dev.accounts.application.port.in.UserView;
import dev.accounts.domain.user.DuplicateUserException;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code java -jar accounts.jar create-superuser --username NAME --email ADDRESS}: makes the first superuser. The
 * password is read from the terminal without echo (asked twice), or as one line from standard input when there is
 * no terminal (for scripts). It never comes from an argument, where it would be visible to every process on the host.
 */
final class SuperuserCommand {

    static final String NAME = "create-superuser";
    static final String ORIGIN = "command-line";

    private SuperuserCommand() {
    }

    /** Runs the command against the service's configured store; returns the process exit code. */
    static int run(AccountsSettings settings, String[] args, Console console, BufferedReader stdin, PrintStream out,
                   PrintStream err) {
        if (settings.store() == AccountsSettings.Store.MEMORY) {
            // Checked before the password is asked for: the superuser would vanish when this command exits.
            err.println("accounts: create-superuser needs a store that keeps data; with ACCOUNTS_STORE=memory nothing "
                    + "would persist (use ACCOUNTS_STORE=postgres)");
            return 1;
        }
        Map<String, String> options;
        try {
            options = options(args);
        } catch (IllegalArgumentException e) {
            err.println("accounts: " + e.getMessage());
            err.println("usage: java -jar accounts.jar create-superuser --username NAME --email ADDRESS");
            return 2;
        }
        String password;
        try {
            password = readPassword(console, stdin, err);
        } catch (IOException | IllegalStateException e) {
            err.println("accounts: " + e.getMessage());
            return 2;
        }
        try (CoreContext core = CoreContext.start(settings)) {
            UserView user = core.bean(CreateSuperuserUseCase.class)
                    .createSuperuser(new RegisterUserCommand(options.get("username"), options.get("email"), password, ORIGIN));
            out.println("Superuser " + user.username() + " created (id " + user.id() + ")");
            return 0;
        } catch (InvalidInputException e) {
            err.println("accounts: cannot create the superuser: " + e.errors().stream()
                    .map(FieldError::field).distinct().map(field -> field + " " + messages(e, field))
                    .collect(Collectors.joining("; ")));
            return 1;
        } catch (DuplicateUserException e) {
            err.println("accounts: cannot create the superuser: the " + e.attribute().name().toLowerCase(Locale.ROOT)
                    + " is already taken");
            return 1;
        } catch (StartupException e) {
            err.println("accounts: " + e.getMessage());
            return 1;
        }
    }

    private static String messages(InvalidInputException e, String field) {
        return e.errors().stream().filter(error -> error.field().equals(field)).map(FieldError::message)
                .collect(Collectors.joining(", "));
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String name = args[i];
            if (!Arrays.asList("--username", "--email").contains(name) || i + 1 >= args.length) {
                throw new IllegalArgumentException("unexpected argument '" + name + "'");
            }
            options.put(name.substring(2), args[++i]);
        }
        if (!options.containsKey("username") || !options.containsKey("email")) {
            throw new IllegalArgumentException("--username and --email are required");
        }
        return options;
    }

    private static String readPassword(Console console, BufferedReader stdin, PrintStream err) throws IOException {
        if (console != null) {
            char[] first = console.readPassword("Password for the new superuser: ");
            char[] second = console.readPassword("The same password again: ");
            if (first == null || second == null || !Arrays.equals(first, second)) {
                throw new IllegalStateException("the two passwords differ");
            }
            return new String(first);
        }
        err.println("Reading the password from standard input (one line).");
        String line = stdin.readLine();
        if (line == null || line.isEmpty()) {
            throw new IllegalStateException("no password on standard input");
        }
        return line;
    }
}
