package org.borderwatch.alert.dispatch;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The paging of the repeat and relay passes over the items a query selects (here the numbers 1 … n, the query "after
 * k, at most m"): how many a pass looks at, what each query asks for, where the next pass resumes, and that items
 * whose work fails are skipped without ending the pass.
 */
class PagedPassTest {

    @ParameterizedTest(name = "{0} items, page {1}, at most {2}, resume after {3}, failing {4}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // items | page | max | resume | failing | looked at                 | queries (after:limit)   | next
            "0       | 3    | 4   | -      | -       | -                         | -:3                     | -",
            "2       | 3    | 4   | -      | -       | 1 2                       | -:3                     | -",
            "3       | 3    | 4   | -      | -       | 1 2 3                     | -:3 3:1                 | -",
            "4       | 3    | 4   | -      | -       | 1 2 3 4                   | -:3 3:1                 | 4",
            "10      | 3    | 4   | 4      | -       | 5 6 7 8                   | 4:3 7:1                 | 8",
            "10      | 3    | 4   | 8      | -       | 9 10                      | 8:3                     | -",
            "10      | 3    | 100 | -      | 1 2 3 5 | 1 2 3 4 5 6 7 8 9 10      | -:3 3:3 6:3 9:3         | -",
            "7       | 100  | 1   | -      | 1       | 1                         | -:1                     | 1",
            "6       | 2    | 6   | -      | -       | 1 2 3 4 5 6               | -:2 2:2 4:2             | 6",
    })
    void aPassLooksAtPageSizeAQueryUpToItsLimitAndResumesAfterItsLastItemUntilItReachesTheEnd(
            int items, int page, int max, Integer resume, String failing, String looked, String queries,
            Integer next) {
        Set<Integer> fails = ints(failing).stream().collect(Collectors.toSet());
        List<String> asked = new ArrayList<>();
        List<Integer> worked = new ArrayList<>();
        List<Integer> failed = new ArrayList<>();
        PagedPass.Result<Integer> result = new PagedPass<Integer, Integer>((after, limit) -> {
            asked.add((after == null ? "-" : after) + ":" + limit);
            int from = after == null ? 1 : after + 1;
            return IntStream.rangeClosed(from, items).limit(limit).boxed().toList();
        }, i -> i).run(resume, page, max, i -> {
            worked.add(i);
            if (fails.contains(i)) {
                throw new IllegalStateException("item " + i);
            }
            return 10;
        }, (i, e) -> failed.add(i));

        assertThat(worked).containsExactlyElementsOf(ints(looked));
        assertThat(String.join(" ", asked)).isEqualTo(queries);
        assertThat(failed).containsExactlyElementsOf(ints(failing));
        assertThat(result.looked()).isEqualTo(worked.size());
        assertThat(result.failed()).isEqualTo(failed.size());
        assertThat(result.done()).as("what the work returned, failures not counted")
                .isEqualTo(10 * (worked.size() - failed.size()));
        assertThat(result.resumeAfter()).isEqualTo(next);
    }

    private static List<Integer> ints(String spaced) {
        return spaced == null ? List.of() : Arrays.stream(spaced.trim().split(" +")).map(Integer::valueOf).toList();
    }
}
