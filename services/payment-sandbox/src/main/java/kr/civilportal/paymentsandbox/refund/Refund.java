package kr.civilportal.paymentsandbox.refund;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** Money given back on a paid payment; the sandbox settles every refund at once (state SUCCEEDED). */
@Entity
@Table(name = "refund")
public class Refund extends PanacheEntityBase {

    public static final String SUCCEEDED = "SUCCEEDED";

    @Id
    public String id;
    @Column(name = "payment_id")
    public String paymentId;
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    public long amount;
    public String reason;
    public String state;
    @Column(name = "created_at")
    public Instant createdAt;

    public static List<RefundView> of(String paymentId) {
        return Refund.<Refund>list("paymentId = ?1 order by createdAt, id", paymentId).stream()
                .map(RefundView::of).toList();
    }
}
