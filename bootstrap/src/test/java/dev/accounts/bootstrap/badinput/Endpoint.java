package dev.accounts.bootstrap.badinput;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.quicktheories.core.Gen;

/**
 * One endpoint of the service as the generators see it.
 *
 * @param name        how the figures name it
 * @param method      its method
 * @param path        a good path (one may hold an id)
 * @param fields      the fields of its JSON body; empty when it takes none
 * @param contentType the media type its body is sent with when the request is otherwise right
 * @param session     a live bearer token for the endpoints that need one, else null
 * @param onSuccess   what a 2xx answer changed that later requests must know (a new password, a used token)
 */
public record Endpoint(String name, String method, Gen<String> path, List<Field> fields, String contentType,
                       Supplier<String> session, Consumer<RawHttpClient.Exchange> onSuccess) {

    public Endpoint {
        fields = List.copyOf(fields);
    }

    public static Endpoint of(String method, String path, Field... fields) {
        return new Endpoint(method + " " + path, method, in -> path, List.of(fields), "application/json", null,
                exchange -> { });
    }

    public Endpoint withSession(Supplier<String> token) {
        return new Endpoint(name, method, path, fields, contentType, token, onSuccess);
    }

    /** The same endpoint under another name, for its figures: the same path asked by another kind of user. */
    public Endpoint named(String newName) {
        return new Endpoint(newName, method, path, fields, contentType, session, onSuccess);
    }

    public Endpoint withPaths(Gen<String> paths) {
        return new Endpoint(name, method, paths, fields, contentType, session, onSuccess);
    }

    public Endpoint onSuccess(Consumer<RawHttpClient.Exchange> hook) {
        return new Endpoint(name, method, path, fields, contentType, session, hook);
    }

    public boolean takesBody() {
        return !fields.isEmpty();
    }
}
