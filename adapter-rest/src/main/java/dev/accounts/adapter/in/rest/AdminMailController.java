package dev.accounts.adapter.in.rest;

import dev.accounts.application.port.in.Authenticated;
import dev.accounts.application.port.in.admin.ListDeadMailQuery;
import dev.accounts.application.port.in.admin.ListDeadMailUseCase;
import dev.accounts.application.port.in.admin.RequeueMailUseCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/admin/mail}: the outbox messages given up on, listed and sent again, for a superuser. As in
 * {@link AdminUserController}, the use cases decide who may (403) and what exists (404).
 */
@RestController
@RequestMapping("/api/admin/mail")
public class AdminMailController {

    private static final Logger log = LoggerFactory.getLogger(AdminMailController.class);

    private final ListDeadMailUseCase listDeadMail;
    private final RequeueMailUseCase requeueMail;

    public AdminMailController(ListDeadMailUseCase listDeadMail, RequeueMailUseCase requeueMail) {
        this.listDeadMail = listDeadMail;
        this.requeueMail = requeueMail;
    }

    @GetMapping(path = "/dead", produces = MediaType.APPLICATION_JSON_VALUE)
    public PageResponse<DeadMailResponse> dead(Authenticated current,
                                               @RequestParam(name = "cursor", required = false) String cursor,
                                               @RequestParam(name = "limit", required = false) String limit) {
        ListDeadMailQuery query = new ListDeadMailQuery(current, cursor, QueryParameters.number("limit", limit));
        return PageResponse.from(listDeadMail.listDeadMail(query), DeadMailResponse::from);
    }

    @PostMapping("/{id}/requeue")
    public ResponseEntity<Void> requeue(Authenticated current, @PathVariable("id") String id, ClientAddress client) {
        requeueMail.requeue(current, id);
        log.info("mail requeued: outbox_id={} by={} client={}", LogSafe.escape(id), current.userId(),
                LogSafe.escape(client.value()));
        return ResponseEntity.noContent().build();
    }
}
