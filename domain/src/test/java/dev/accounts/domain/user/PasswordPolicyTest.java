package dev.accounts.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy policy = PasswordPolicy.defaults();
    private final Username alice = new Username("alice_w");
    private final EmailAddress email = new EmailAddress("wonderland@example.com");

    @Test
    void acceptsALongUncommonPassword() {
        assertThat(policy.violations(Password.of("correct horse battery staple"), alice, email)).isEmpty();
    }

    @Test
    void acceptsExactlyTwelveAndExactlyOneHundredTwentyEightCodePoints() {
        assertThat(policy.violations(Password.of("tr0ub4dor&3x"), alice, email)).isEmpty();
        assertThat(policy.violations(Password.of("q7".repeat(64)), alice, email)).isEmpty();
    }

    @Test
    void rejectsElevenCodePoints() {
        assertThat(policy.violations(Password.of("tr0ub4dor&3"), alice, email))
                .containsExactly("must be at least 12 characters long");
    }

    @Test
    void countsCodePointsAfterNormalisation() {
        // Twelve emoji are 24 UTF-16 units but twelve characters.
        assertThat(policy.violations(Password.of("🐎🔋📎🐴🐎🔋📎🐴🐎🔋📎🐴"), alice, email)).isEmpty();
        assertThat(policy.violations(Password.of("🐎🔋📎🐴🐎🔋📎🐴🐎🔋📎"), alice, email)).hasSize(1);
    }

    @Test
    void rejectsOneHundredTwentyNineCodePointsAndAMegabyteWithoutFurtherWork() {
        assertThat(policy.violations(Password.of("q7".repeat(64) + "x"), alice, email))
                .containsExactly("must be at most 128 characters long");
        assertThat(policy.violations(Password.of("x".repeat(1_000_000)), alice, email))
                .containsExactly("must be at most 128 characters long");
    }

    @Test
    void rejectsACommonPasswordIgnoringCase() {
        assertThat(policy.violations(Password.of("LeaveMeAlone"), alice, email))
                .containsExactly("is too common: it appears in a list of frequently used passwords");
        assertThat(policy.violations(Password.of("QWERTY123456"), null, null)).isNotEmpty();
    }

    @Test
    void bundlesAtLeastTenThousandCommonPasswords() {
        assertThat(CommonPasswords.bundled().size()).isGreaterThanOrEqualTo(10_000);
    }

    @Test
    void rejectsAPasswordContainingTheUsernameIgnoringCase() {
        assertThat(policy.violations(Password.of("my name is ALICE_W, ok?"), alice, email))
                .containsExactly("must not contain the username");
    }

    @Test
    void rejectsAPasswordContainingTheEmailLocalPart() {
        assertThat(policy.violations(Password.of("down the Wonderland hole"), alice, email))
                .containsExactly("must not contain the email address");
    }

    @Test
    void rejectsAPasswordContainingTheServiceName() {
        assertThat(policy.violations(Password.of("my accounts password!"), alice, email))
                .containsExactly("must not contain the name of the service");
    }

    @Test
    void reportsEveryBrokenRuleAtOnce() {
        PasswordPolicy strict = new PasswordPolicy(12, 128, CommonPasswords.of(Set.of("alice_w wonderland")), "Accounts");
        assertThat(strict.violations(Password.of("alice_w wonderland"), alice, email)).containsExactly(
                "is too common: it appears in a list of frequently used passwords",
                "must not contain the username",
                "must not contain the email address");
    }

    @Test
    void ignoresNamesTooShortToMeanAnything() {
        EmailAddress shortLocal = new EmailAddress("ab@example.com");
        assertThat(policy.violations(Password.of("absolutely fabulous ab"), alice, shortLocal)).isEmpty();
    }

    @Test
    void takesItsLengthsFromConfiguration() {
        PasswordPolicy fifteen = new PasswordPolicy(15, 64, CommonPasswords.bundled(), "Accounts");
        assertThat(fifteen.violations(Password.of("fourteen chars"), alice, email)).hasSize(1);
        assertThat(fifteen.violations(Password.of("fifteen chars!!"), alice, email)).isEmpty();
        assertThatThrownBy(() -> new PasswordPolicy(20, 10, CommonPasswords.bundled(), "Accounts"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
