package org.borderwatch.alert.api;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpStatus;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageLinksTest {

    private static final String BASE = "http://h:1/api/v1/alerts";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("one page only: no links", null, 0, 50, 3, ""),
                Arguments.of("nothing at all: no links", null, 0, 50, 0, ""),
                Arguments.of("first of three", "segment=TAVUSH&size=2", 0, 2, 5,
                        "<" + BASE + "?segment=TAVUSH&page=1&size=2>; rel=\"next\", "
                                + "<" + BASE + "?segment=TAVUSH&page=2&size=2>; rel=\"last\""),
                Arguments.of("middle: all four, other parameters kept in their order", "status=FIRING&page=1&size=2"
                                + "&severity=HIGH",
                        1, 2, 5,
                        "<" + BASE + "?status=FIRING&severity=HIGH&page=0&size=2>; rel=\"first\", "
                                + "<" + BASE + "?status=FIRING&severity=HIGH&page=0&size=2>; rel=\"prev\", "
                                + "<" + BASE + "?status=FIRING&severity=HIGH&page=2&size=2>; rel=\"next\", "
                                + "<" + BASE + "?status=FIRING&severity=HIGH&page=2&size=2>; rel=\"last\""),
                Arguments.of("last page exactly full", "page=2&size=2", 2, 2, 6,
                        "<" + BASE + "?page=0&size=2>; rel=\"first\", <" + BASE + "?page=1&size=2>; rel=\"prev\""),
                Arguments.of("past the end: prev is the last page with items", "page=9&size=2", 9, 2, 5,
                        "<" + BASE + "?page=0&size=2>; rel=\"first\", <" + BASE + "?page=2&size=2>; rel=\"prev\""),
                Arguments.of("encoded values and repeated names stay exactly as sent",
                        "from=2025-03-17T09%3A00%3A00%2B04%3A00&signals=A&signals=B&pagesize=3&page=0", 0, 1, 2,
                        "<" + BASE + "?from=2025-03-17T09%3A00%3A00%2B04%3A00&signals=A&signals=B&pagesize=3"
                                + "&page=1&size=1>; rel=\"next\", <" + BASE
                                + "?from=2025-03-17T09%3A00%3A00%2B04%3A00&signals=A&signals=B&pagesize=3"
                                + "&page=1&size=1>; rel=\"last\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void linkHeader(String name, String query, int page, int size, long total, String expected) {
        assertThat(PageLinks.link(BASE, query, page, size, total)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "page {0}, size {1}, at most {2}: valid {3}")
    @CsvSource({
            "0, 1, 500, true",
            "7, 500, 500, true",
            "0, 3, 3, true",
            "-1, 50, 500, false",
            "0, 0, 500, false",
            "0, 501, 500, false",
            "0, 4, 3, false"})
    void pagingEveryListTakes(int page, int size, int maxPageSize, boolean valid) {
        if (valid) {
            assertThatCode(() -> PageLinks.checkPaging(page, size, maxPageSize)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> PageLinks.checkPaging(page, size, maxPageSize))
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                        assertThat(e.title()).isEqualTo("Invalid paging");
                        assertThat(e.problems()).containsExactly("page >= 0 and 1 <= size <= " + maxPageSize);
                    });
        }
    }
}
