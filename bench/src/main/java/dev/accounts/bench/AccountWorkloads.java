package dev.accounts.bench;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The four requests the benchmark times, sharing what they create: registrations make the users that logins use,
 * logins make the sessions that {@code GET /api/users/me} uses, and duplicates reuse registered names.
 */
final class AccountWorkloads {

    /** Long, uncommon, and containing no username: passes the password policy, so each registration hashes. */
    static final String PASSWORD = "quiet lantern over the harbour 42";

    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([A-Za-z0-9_-]+)\"");
    private static final Pattern USERNAME = Pattern.compile("\"username\"\\s*:\\s*\"([^\"]+)\"");

    private final String host;
    private final String runId;
    private final AtomicLong sequence = new AtomicLong();
    private final List<String> users = new CopyOnWriteArrayList<>();
    private final List<String> tokens = new CopyOnWriteArrayList<>();

    AccountWorkloads(String host, String runId) {
        this.host = host;
        this.runId = runId;
    }

    int users() {
        return users.size();
    }

    int sessions() {
        return tokens.size();
    }

    Workload registrations() {
        return new Workload() {
            @Override
            public String name() {
                return "register";
            }

            @Override
            public byte[] request(int worker, long n) {
                String username = "b" + runId + "_" + sequence.incrementAndGet();
                return HttpConnection.post(host, "/api/users", registration(username));
            }

            @Override
            public int expectedStatus() {
                return 201;
            }

            @Override
            public void succeeded(HttpConnection.Response response, int worker, long n) {
                users.add(usernameIn(response.text()));
            }
        };
    }

    Workload logins() {
        requireSome(users, "users to log in");
        return new Workload() {
            @Override
            public String name() {
                return "login";
            }

            @Override
            public byte[] request(int worker, long n) {
                String username = users.get(ThreadLocalRandom.current().nextInt(users.size()));
                return HttpConnection.post(host, "/api/sessions",
                        "{\"login\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}");
            }

            @Override
            public int expectedStatus() {
                return 201;
            }

            @Override
            public void succeeded(HttpConnection.Response response, int worker, long n) {
                Matcher token = TOKEN.matcher(response.text());
                if (token.find() && tokens.size() < 10_000) {
                    tokens.add(token.group(1));
                }
            }
        };
    }

    Workload currentUser() {
        requireSome(tokens, "sessions");
        // Prepared up front: the generator should spend its cycles sending, not formatting.
        List<byte[]> requests = tokens.stream().map(token -> HttpConnection.get(host, "/api/users/me", token)).toList();
        return new Workload() {
            @Override
            public String name() {
                return "me";
            }

            @Override
            public byte[] request(int worker, long n) {
                return requests.get((int) ((worker * 7919L + n) % requests.size()));
            }

            @Override
            public int expectedStatus() {
                return 200;
            }
        };
    }

    /** Half the requests repeat a taken username, half a taken email (in other letter case), each with a fresh other part. */
    Workload duplicates() {
        requireSome(users, "registered users to collide with");
        return new Workload() {
            @Override
            public String name() {
                return "duplicate";
            }

            @Override
            public byte[] request(int worker, long n) {
                String taken = users.get(ThreadLocalRandom.current().nextInt(users.size()));
                String fresh = "d" + runId + "_" + sequence.incrementAndGet();
                String body = n % 2 == 0
                        ? "{\"username\":\"" + taken + "\",\"email\":\"" + fresh + "@bench.example.com\",\"password\":\"" + PASSWORD + "\"}"
                        : "{\"username\":\"" + fresh + "\",\"email\":\"" + taken.toUpperCase() + "@bench.example.com\",\"password\":\"" + PASSWORD + "\"}";
                return HttpConnection.post(host, "/api/users", body);
            }

            @Override
            public int expectedStatus() {
                return 409;
            }
        };
    }

    /** A registration body, also used to make the first user before the measured runs. */
    static String registration(String username) {
        return "{\"username\":\"" + username + "\",\"email\":\"" + username + "@bench.example.com\",\"password\":\""
                + PASSWORD + "\"}";
    }

    private static String usernameIn(String json) {
        Matcher username = USERNAME.matcher(json);
        if (!username.find()) {
            throw new IllegalStateException("a 201 without a username: " + json);
        }
        return username.group(1);
    }

    private static void requireSome(List<String> list, String what) {
        if (list.isEmpty()) {
            throw new IllegalStateException("no " + what + " yet: run the registrations (and logins) first");
        }
    }
}
