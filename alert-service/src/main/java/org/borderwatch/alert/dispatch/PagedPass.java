package org.borderwatch.alert.dispatch;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * One pass of a periodic job over everything its query selects, in the query's order: {@code pageSize} per query,
 * at most {@code maxPerPass} items, starting after where the previous pass stopped at its limit. One item failing is
 * reported and skipped; the pass goes on with the next. Plain Java: the reading and the work are the caller's.
 *
 * @param <C> an item the query returns
 * @param <K> its place in the query's order (the keyset the next query starts after)
 */
final class PagedPass<C, K> {

    /**
     * What a pass did.
     *
     * @param looked      items it looked at
     * @param done        the sum of what the work returned for them (items repeated, rows copied)
     * @param failed      items whose work threw
     * @param resumeAfter where the next pass starts: after this key, or from the start (null) once the pass got to
     *                    the end of what the query selects
     */
    record Result<K>(int looked, int done, int failed, K resumeAfter) {
    }

    private final BiFunction<K, Integer, List<C>> page;
    private final Function<C, K> key;

    /**
     * @param page reads the next items after a key (null: from the start), at most the given number, in order
     * @param key  an item's place in that order
     */
    PagedPass(BiFunction<K, Integer, List<C>> page, Function<C, K> key) {
        this.page = page;
        this.key = key;
    }

    Result<K> run(K resumeAfter, int pageSize, int maxPerPass, ToIntFunction<C> work,
                  BiConsumer<C, RuntimeException> onFailure) {
        if (pageSize < 1 || maxPerPass < 1) {
            throw new IllegalArgumentException("page size and items per pass must be at least 1");
        }
        K after = resumeAfter;
        int looked = 0;
        int done = 0;
        int failed = 0;
        boolean end = false;
        while (!end && looked < maxPerPass) {
            int wanted = Math.min(pageSize, maxPerPass - looked);
            List<C> items = page.apply(after, wanted);
            for (C item : items) {
                looked++;
                after = key.apply(item);
                try {
                    done += work.applyAsInt(item);
                } catch (RuntimeException e) {
                    failed++;
                    onFailure.accept(item, e);
                }
            }
            end = items.size() < wanted;
        }
        return new Result<>(looked, done, failed, end ? null : after);
    }
}
